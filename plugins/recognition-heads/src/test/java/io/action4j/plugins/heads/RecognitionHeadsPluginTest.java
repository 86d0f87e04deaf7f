package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.RecognitionHeadFactory;
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
    void pluginContributesTheI3dAndTsnHeads() {
        VideoPlugin plugin = headPlugins().get(0);

        assertThat(plugin.recognitionHeads()).extracting(factory -> factory.name()).containsExactly("i3d", "tsn");
        assertThat(plugin.recognitionHeads()).allSatisfy(factory -> {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.backbones()).isEmpty();
    }

    @Test
    void i3dFactoryHasItsConfigAndDefaults() {
        assertThat(factory(I3dHeadFactory.NAME)).satisfies(factory -> {
            assertThat(factory.configType()).isEqualTo(I3dHeadConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(I3dHeadConfig.DEFAULTS);
        });
    }

    @Test
    void tsnFactoryHasItsConfigAndDefaults() {
        assertThat(factory(TsnHeadFactory.NAME)).satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("tsn");
            assertThat(factory.configType()).isEqualTo(TsnHeadConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(TsnHeadConfig.DEFAULTS);
        });
    }

    private static RecognitionHeadFactory<?> factory(String name) {
        return headPlugins().get(0).recognitionHeads().stream()
                .filter(factory -> factory.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
