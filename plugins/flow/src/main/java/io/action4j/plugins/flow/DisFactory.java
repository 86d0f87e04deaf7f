package io.action4j.plugins.flow;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowEstimatorFactory;

/** Creates {@link DisEstimator}, flow estimator {@value #NAME}. */
public final class DisFactory implements FlowEstimatorFactory<DisConfig> {

    public static final String NAME = "dis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DisConfig> configType() {
        return DisConfig.class;
    }

    @Override
    public DisConfig defaultConfig() {
        return DisConfig.DEFAULTS;
    }

    @Override
    public FlowEstimator create(DisConfig config) {
        return new DisEstimator(config);
    }

    @Override
    public String description() {
        return "Dense Inverse Search (OpenCV), presets ultrafast, fast and medium";
    }
}
