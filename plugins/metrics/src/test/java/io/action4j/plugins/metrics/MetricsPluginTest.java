package io.action4j.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.VideoPlugin;
import io.action4j.api.metric.RecognitionSample;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MetricsPluginTest {

    @Test
    void serviceLoaderFindsAccWithMmaction2sDefaults() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(MetricsPlugin.class::isInstance)
                .toList();

        assertThat(plugins).hasSize(1);
        assertThat(plugins.get(0).apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(plugins.get(0).metrics()).singleElement().satisfies(factory -> {
            assertThat(factory.name()).isEqualTo("acc");
            assertThat(factory.description()).isNotBlank();
        });
        AccMetricFactory factory = new AccMetricFactory();
        assertThat(factory.defaultConfig().metricList()).containsExactly("top_k_accuracy", "mean_class_accuracy");
        assertThat(factory.defaultConfig().topk()).containsExactly(1, 5);
        assertThat(factory.create(factory.defaultConfig()).sampleType()).isEqualTo(RecognitionSample.class);
    }

    @Test
    void configRefusesUnknownMetricsAndBadK() {
        assertThatThrownBy(() -> new AccMetricConfig(List.of("top1"), List.of(1)))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("metricList")
                .hasMessageContaining("mean_average_precision");
        assertThatThrownBy(() -> new AccMetricConfig(List.of(), List.of(1)))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("metricList");
        assertThatThrownBy(() -> new AccMetricConfig(List.of("top_k_accuracy", "top_k_accuracy"), List.of(1)))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new AccMetricConfig(List.of("top_k_accuracy"), List.of(1, 0)))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("topk");
        assertThatThrownBy(() -> new AccMetricConfig(List.of("top_k_accuracy"), List.of(5, 5)))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("topk");
    }
}
