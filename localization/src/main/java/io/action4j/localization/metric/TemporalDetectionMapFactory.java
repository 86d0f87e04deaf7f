package io.action4j.localization.metric;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricFactory;

/** Creates {@link TemporalDetectionMap}. */
public final class TemporalDetectionMapFactory implements MetricFactory<TemporalDetectionMapConfig> {

    public static final String NAME = "temporal_detection_map";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TemporalDetectionMapConfig> configType() {
        return TemporalDetectionMapConfig.class;
    }

    @Override
    public TemporalDetectionMapConfig defaultConfig() {
        return TemporalDetectionMapConfig.defaults();
    }

    @Override
    public Metric<?> create(TemporalDetectionMapConfig config) {
        return new TemporalDetectionMap(config.tiouThresholds());
    }

    @Override
    public String description() {
        return "ActivityNet temporal detection mAP at tIoU thresholds (MMAction2 conventions)";
    }
}
