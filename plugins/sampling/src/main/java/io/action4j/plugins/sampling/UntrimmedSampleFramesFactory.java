package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;

/** Registers {@link UntrimmedSampleFramesSampler} as {@value #NAME}. */
public final class UntrimmedSampleFramesFactory implements ClipSamplerFactory<UntrimmedSampleFramesConfig> {

    public static final String NAME = "untrimmed_sample_frames";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<UntrimmedSampleFramesConfig> configType() {
        return UntrimmedSampleFramesConfig.class;
    }

    @Override
    public UntrimmedSampleFramesConfig defaultConfig() {
        return UntrimmedSampleFramesConfig.DEFAULTS;
    }

    @Override
    public ClipSampler create(UntrimmedSampleFramesConfig config) {
        return new UntrimmedSampleFramesSampler(config);
    }

    @Override
    public String description() {
        return "MMAction2 UntrimmedSampleFrames: a clip every clipInterval frames (feature extraction)";
    }
}
