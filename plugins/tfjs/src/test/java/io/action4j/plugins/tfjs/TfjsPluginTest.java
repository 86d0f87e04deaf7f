package io.action4j.plugins.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentFactory;
import io.action4j.api.VideoPlugin;
import io.action4j.plugins.tfjs.nanodet.NanoDetConfig;
import io.action4j.plugins.tfjs.nanodet.NanoDetPersonDetectorFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TfjsPluginTest {

    private static VideoPlugin loaded() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(plugin -> plugin instanceof TfjsPlugin)
                .toList();
        assertThat(plugins).hasSize(1);
        return plugins.get(0);
    }

    @Test
    void serviceLoaderFindsThePluginBuiltAgainstThisApi() {
        assertThat(loaded().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheNanodetPersonBoxSourceAndNothingElse() {
        VideoPlugin plugin = loaded();

        assertThat(plugin.personBoxSources()).extracting(ComponentFactory::name).containsExactly("nanodet");
        assertThat(plugin.backbones()).isEmpty();
        assertThat(plugin.videoReaders()).isEmpty();
        assertThat(plugin.detectionHeads()).isEmpty();
    }

    @Test
    void factoryDeclaresItsNameConfigAndDefaults() {
        NanoDetPersonDetectorFactory factory = new NanoDetPersonDetectorFactory();

        assertThat(factory.name()).isEqualTo(NanoDetPersonDetectorFactory.NAME).matches("[a-z][a-z0-9_.]*");
        assertThat(factory.configType()).isEqualTo(NanoDetConfig.class);
        assertThat(factory.defaultConfig()).isEqualTo(NanoDetConfig.defaults());
        assertThat(factory.description()).contains("NanoDet-m", "tools/fetch-human-models.sh");
    }
}
