package io.action4j.plugins.sampling;

import io.action4j.api.VideoPlugin;
import io.action4j.api.sampling.ClipSamplerFactory;
import java.util.List;

/** MMAction2's clip samplers and a sliding-window sampler for long videos. */
public final class SamplingPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<ClipSamplerFactory<?>> clipSamplers() {
        return List.of(new SampleFramesFactory(), new DenseSampleFramesFactory(), new UntrimmedSampleFramesFactory(),
                new SampleAvaFramesFactory(), new SlidingWindowsFactory());
    }
}
