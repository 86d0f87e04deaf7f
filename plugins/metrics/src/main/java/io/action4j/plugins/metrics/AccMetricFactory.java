package io.action4j.plugins.metrics;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricFactory;

/** Registers {@link AccMetric} as {@value #NAME}. */
public final class AccMetricFactory implements MetricFactory<AccMetricConfig> {

    public static final String NAME = "acc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AccMetricConfig> configType() {
        return AccMetricConfig.class;
    }

    @Override
    public AccMetricConfig defaultConfig() {
        return AccMetricConfig.DEFAULTS;
    }

    @Override
    public Metric<?> create(AccMetricConfig config) {
        return new AccMetric(config);
    }

    @Override
    public String description() {
        return "MMAction2 AccMetric: top-k accuracy, mean class accuracy (+ confusion matrix), multi-label mAP";
    }
}
