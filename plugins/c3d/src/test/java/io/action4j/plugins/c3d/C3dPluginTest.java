package io.action4j.plugins.c3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class C3dPluginTest {

    private static List<VideoPlugin> c3dPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(C3dPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsTheC3dPlugin() {
        assertThat(c3dPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new C3dPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesOnlyTheC3dBackbone() {
        VideoPlugin plugin = c3dPlugins().get(0);

        assertThat(plugin.backbones()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("c3d").isEqualTo(C3dBackboneFactory.NAME).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.configType()).isEqualTo(C3dConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(C3dConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.recognitionHeads()).isEmpty();
    }
}
