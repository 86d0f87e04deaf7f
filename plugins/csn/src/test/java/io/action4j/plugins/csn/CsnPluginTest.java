package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CsnPluginTest {

    private static List<VideoPlugin> csnPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(CsnPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsTheCsnPlugin() {
        assertThat(csnPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new CsnPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesOnlyTheCsnBackbone() {
        VideoPlugin plugin = csnPlugins().get(0);

        assertThat(plugin.backbones()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("csn").isEqualTo(CsnBackboneFactory.NAME)
                    .matches("[a-z][a-z0-9_.]*");
            assertThat(factory.configType()).isEqualTo(CsnConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(CsnConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.recognitionHeads()).isEmpty();
        assertThat(plugin.transforms()).isEmpty();
    }
}
