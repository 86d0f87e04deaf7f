package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ResNet3dPluginTest {

    private static List<VideoPlugin> resNetPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ResNet3dPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsTheResNet3dPlugin() {
        assertThat(resNetPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new ResNet3dPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheResnet3dAndSlowfastBackbones() {
        VideoPlugin plugin = resNetPlugins().get(0);

        assertThat(plugin.backbones()).hasSize(2);
        assertThat(plugin.backbones().get(0)).satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("resnet3d");
            assertThat(factory.configType()).isEqualTo(ResNet3dConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(ResNet3dConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.backbones().get(1)).satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("slowfast");
            assertThat(factory.configType()).isEqualTo(SlowFastConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(SlowFastConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.recognitionHeads()).isEmpty();
    }

    @Test
    void factoryNameIsAValidComponentName() {
        for (BackboneFactory<?> factory : List.of(new ResNet3dBackboneFactory(), new SlowFastBackboneFactory())) {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
        }
    }
}
