package io.action4j.plugins.metrics;

import io.action4j.api.VideoPlugin;
import io.action4j.api.metric.MetricFactory;
import java.util.List;

/** Contributes the recognition metrics: MMAction2's {@code AccMetric} as {@code acc}. */
public final class MetricsPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<MetricFactory<?>> metrics() {
        return List.of(new AccMetricFactory());
    }
}
