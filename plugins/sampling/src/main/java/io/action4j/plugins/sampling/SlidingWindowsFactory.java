package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;

/** Registers {@link SlidingWindowsSampler} as {@value #NAME}. */
public final class SlidingWindowsFactory implements ClipSamplerFactory<SlidingWindowsConfig> {

    public static final String NAME = "sliding_windows";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SlidingWindowsConfig> configType() {
        return SlidingWindowsConfig.class;
    }

    @Override
    public SlidingWindowsConfig defaultConfig() {
        return SlidingWindowsConfig.DEFAULTS;
    }

    @Override
    public ClipSampler create(SlidingWindowsConfig config) {
        return new SlidingWindowsSampler(config);
    }

    @Override
    public String description() {
        return "One clip per window of windowFrames frames every strideFrames frames (long videos)";
    }
}
