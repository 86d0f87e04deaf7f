package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;

/** Registers {@link SampleAvaFramesSampler} as {@value #NAME}. */
public final class SampleAvaFramesFactory implements ClipSamplerFactory<SampleAvaFramesConfig> {

    public static final String NAME = "sample_ava_frames";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SampleAvaFramesConfig> configType() {
        return SampleAvaFramesConfig.class;
    }

    @Override
    public SampleAvaFramesConfig defaultConfig() {
        return SampleAvaFramesConfig.DEFAULTS;
    }

    @Override
    public ClipSampler create(SampleAvaFramesConfig config) {
        return new SampleAvaFramesSampler(config);
    }

    @Override
    public String description() {
        return "MMAction2 SampleAVAFrames: one clip centred on the keyframe (AVA spatio-temporal detection)";
    }
}
