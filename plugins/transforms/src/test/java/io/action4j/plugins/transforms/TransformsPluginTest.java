package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentKind;
import io.action4j.api.VideoPlugin;
import io.action4j.api.transform.TransformFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TransformsPluginTest {

    @Test
    void isFoundByServiceLoaderWithEveryTransform() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get).filter(TransformsPlugin.class::isInstance).toList();
        assertThat(plugins).hasSize(1);
        VideoPlugin plugin = plugins.get(0);
        assertThat(plugin.apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(plugin.transforms()).extracting(TransformFactory::name).containsExactly(
                "resize", "random_resized_crop", "multi_scale_crop", "center_crop", "three_crop", "ten_crop",
                "flip", "color_jitter", "normalize", "rgb_diff");
        assertThat(ComponentKind.TRANSFORM.factoriesOf(plugin)).hasSize(10);
        assertThat(plugin.clipSamplers()).isEmpty();
    }

    @Test
    void everyFactoryCreatesFromItsDefaults() {
        for (TransformFactory<?> factory : new TransformsPlugin().transforms()) {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.defaultConfig()).isInstanceOf(factory.configType());
            assertThat(create(factory)).isNotNull();
        }
    }

    private static <C extends Record> Object create(TransformFactory<C> factory) {
        return factory.create(factory.defaultConfig());
    }
}
