package io.action4j.plugins.flow;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowEstimatorFactory;

/** Creates {@link TvL1Estimator}, flow estimator {@value #NAME}. */
public final class TvL1Factory implements FlowEstimatorFactory<TvL1Config> {

    public static final String NAME = "tvl1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TvL1Config> configType() {
        return TvL1Config.class;
    }

    @Override
    public TvL1Config defaultConfig() {
        return TvL1Config.DEFAULTS;
    }

    @Override
    public FlowEstimator create(TvL1Config config) {
        return new TvL1Estimator(config);
    }

    @Override
    public String description() {
        return "TV-L1 dense flow (OpenCV contrib's DualTVL1), the two-stream and TSN papers' flow; slow";
    }
}
