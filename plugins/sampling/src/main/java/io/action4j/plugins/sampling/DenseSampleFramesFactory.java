package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;

/** Registers {@link DenseSampleFramesSampler} as {@value #NAME}. */
public final class DenseSampleFramesFactory implements ClipSamplerFactory<DenseSampleFramesConfig> {

    public static final String NAME = "dense_sample_frames";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DenseSampleFramesConfig> configType() {
        return DenseSampleFramesConfig.class;
    }

    @Override
    public DenseSampleFramesConfig defaultConfig() {
        return DenseSampleFramesConfig.DEFAULTS;
    }

    @Override
    public ClipSampler create(DenseSampleFramesConfig config) {
        return new DenseSampleFramesSampler(config);
    }

    @Override
    public String description() {
        return "MMAction2 DenseSampleFrames: clips packed into sampleRange frames (I3D/CSN dense sampling)";
    }
}
