package io.action4j.plugins.timesformer;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TimeSformerPluginTest {

    private static List<VideoPlugin> timeSformerPlugins() {
        return ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(TimeSformerPlugin.class::isInstance)
                .toList();
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(timeSformerPlugins()).hasSize(1);
    }

    @Test
    void pluginReportsTheApiVersionItWasBuiltAgainst() {
        assertThat(new TimeSformerPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheTimesformerBackboneAndHead() {
        VideoPlugin plugin = timeSformerPlugins().get(0);

        assertThat(plugin.backbones()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("timesformer").isEqualTo(TimeSformerBackboneFactory.NAME);
            assertThat(factory.configType()).isEqualTo(TimeSformerConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(TimeSformerConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.recognitionHeads()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("timesformer").isEqualTo(TimeSformerHeadFactory.NAME);
            assertThat(factory.configType()).isEqualTo(TimeSformerHeadConfig.class);
            assertThat(factory.defaultConfig()).isEqualTo(TimeSformerHeadConfig.DEFAULTS);
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.localizationHeads()).isEmpty();
    }
}
