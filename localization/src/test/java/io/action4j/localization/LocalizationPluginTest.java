package io.action4j.localization;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricFactory;
import io.action4j.localization.metric.TemporalDetectionMapConfig;
import io.action4j.localization.metric.TemporalDetectionMapFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LocalizationPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(plugins).hasAtLeastOneElementOfType(LocalizationPlugin.class);
        assertThat(new LocalizationPlugin().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void contributesTheDetectionAndProposalMetrics() {
        List<MetricFactory<?>> metrics = new LocalizationPlugin().metrics();

        assertThat(metrics).extracting(MetricFactory::name)
                .containsExactly("temporal_detection_map", "average_recall_at_avg_proposals");
        assertThat(metrics.get(0).name()).matches("[a-z][a-z0-9_.]*");
        TemporalDetectionMapFactory factory = (TemporalDetectionMapFactory) metrics.get(0);
        assertThat(factory.configType()).isEqualTo(TemporalDetectionMapConfig.class);
        assertThat(factory.description()).isNotBlank();

        Metric<?> metric = factory.create(factory.defaultConfig());

        assertThat(metric.sampleType()).isEqualTo(LocalizationSample.class);
    }
}
