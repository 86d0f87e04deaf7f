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
    void pluginContributesTheResnet2dBackboneAndTheFusionFamily() {
        VideoPlugin plugin = resNet2dPlugins().get(0);

        assertThat(plugin.backbones()).extracting(factory -> factory.name()).containsExactly("resnet2d",
                "early_fusion", "late_fusion", "slow_fusion", "cnn_lstm", "conv_pooling", "two_stream_fusion");
        assertThat(plugin.backbones()).allSatisfy(factory -> {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.defaultConfig()).isNotNull().isInstanceOf(factory.configType());
            assertThat(factory.description()).isNotBlank();
        });
        assertThat(plugin.backbones().get(0).configType()).isEqualTo(ResNet2dConfig.class);
        assertThat(plugin.backbones().get(0).defaultConfig()).isEqualTo(ResNet2dConfig.DEFAULTS);
        assertThat(plugin.recognitionHeads()).isEmpty();
    }
}
