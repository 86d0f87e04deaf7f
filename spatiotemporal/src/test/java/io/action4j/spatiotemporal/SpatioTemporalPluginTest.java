package io.action4j.spatiotemporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentFactory;
import io.action4j.api.VideoPlugin;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceFactory;
import io.action4j.spatiotemporal.metric.AvaFrameMapFactory;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpatioTemporalPluginTest {

    @Test
    void theServiceLoaderFindsThePluginWithBothFactories() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(SpatioTemporalPlugin.class::isInstance)
                .toList();

        assertThat(plugins).hasSize(1);
        VideoPlugin plugin = plugins.get(0);
        assertThat(plugin.apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(plugin.metrics()).extracting(ComponentFactory::name).containsExactly(AvaFrameMapFactory.NAME);
        assertThat(plugin.personBoxSources()).extracting(ComponentFactory::name)
                .containsExactly(AvaCsvBoxSourceFactory.NAME);
    }

    @Test
    void factoryNamesAreValidAndDescribed() {
        Stream.of(new AvaFrameMapFactory(), new AvaCsvBoxSourceFactory()).forEach(factory -> {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.configType()).isEqualTo(factory.defaultConfig().getClass());
        });
        assertThat(AvaFrameMapFactory.NAME).isEqualTo("ava_frame_map");
        assertThat(AvaCsvBoxSourceFactory.NAME).isEqualTo("ava_csv_boxes");
    }
}
