package io.action4j.api.sampling;

import java.util.random.RandomGenerator;

/** Chooses which frames of a video form the clips (MMAction2's {@code clip_len x frame_interval x num_clips}). */
@FunctionalInterface
public interface ClipSampler {

    /** @param random the only source of randomness (train mode), so that seeded runs repeat */
    FrameSelection sample(SamplingRequest request, RandomGenerator random);
}
