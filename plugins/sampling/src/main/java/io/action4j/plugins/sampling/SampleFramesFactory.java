package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;

/** Registers {@link SampleFramesSampler} as {@value #NAME}. */
public final class SampleFramesFactory implements ClipSamplerFactory<SampleFramesConfig> {

    public static final String NAME = "sample_frames";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SampleFramesConfig> configType() {
        return SampleFramesConfig.class;
    }

    @Override
    public SampleFramesConfig defaultConfig() {
        return SampleFramesConfig.DEFAULTS;
    }

    @Override
    public ClipSampler create(SampleFramesConfig config) {
        return new SampleFramesSampler(config);
    }

    @Override
    public String description() {
        return "MMAction2 SampleFrames: clipLen x frameInterval x numClips (TSN segments with clipLen 1)";
    }
}
