package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ResNet2dPluginTest {

    private static List<VideoPlugin> resNet2dPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ResNet2dPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(resNet2dPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new ResNet2dPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheResnet2dBackboneOnly() {
        VideoPlugin plugin = resNet2dPlugins().get(0);

        assertThat(plugin.backbones()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo(ResNet2dBackboneFactory.NAME).isEqualTo("resnet2d")
                    .matches("[a-z][a-z0-9_.]*");
            assertThat(factory.configType()).isEqualTo(ResNet2dConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(ResNet2dConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.recognitionHeads()).isEmpty();
    }
}
