package io.action4j.plugins.flow;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowEstimatorFactory;

/** Creates {@link FarnebackEstimator}, flow estimator {@value #NAME}. */
public final class FarnebackFactory implements FlowEstimatorFactory<FarnebackConfig> {

    public static final String NAME = "farneback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FarnebackConfig> configType() {
        return FarnebackConfig.class;
    }

    @Override
    public FarnebackConfig defaultConfig() {
        return FarnebackConfig.DEFAULTS;
    }

    @Override
    public FlowEstimator create(FarnebackConfig config) {
        return new FarnebackEstimator(config);
    }

    @Override
    public String description() {
        return "Farneback's polynomial-expansion dense flow (OpenCV), the fastest on CPU";
    }
}
