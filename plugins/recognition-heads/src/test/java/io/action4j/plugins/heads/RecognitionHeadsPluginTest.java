package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RecognitionHeadsPluginTest {

    private static List<VideoPlugin> headPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(RecognitionHeadsPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsTheRecognitionHeadsPlugin() {
        assertThat(headPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new RecognitionHeadsPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheI3dHead() {
        VideoPlugin plugin = headPlugins().get(0);

        assertThat(plugin.recognitionHeads()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("i3d").matches("[a-z][a-z0-9_.]*");
            assertThat(factory.configType()).isEqualTo(I3dHeadConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(I3dHeadConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.backbones()).isEmpty();
    }
}
