package io.action4j.plugins.sampling;

import io.action4j.api.ConfigChecks;

/**
 * MMAction2's {@code SampleAVAFrames}: one clip centred on the request's keyframe
 * ({@code fps * (timestamp - timestamp_start)}, counted from the first frame without the start
 * index), {@code clipLen / 2} frames before it and {@code (clipLen + 1) / 2} from it on, clamped
 * into the video. As in MMAction2 the start index is added twice: once to the centre and once to
 * the clamped indices. Train mode shifts each frame by a random offset in
 * {@code [(-frameInterval) // 2, (frameInterval + 1) // 2)}; those offsets are drawn in test mode
 * too (and ignored), so both modes consume the same random numbers.
 *
 * @param clipLen frames per clip (MMAction2 has no default; 32 here, SlowFast's AVA setting)
 * @param frameInterval distance between sampled frames
 * @param testMode no random shifts
 */
public record SampleAvaFramesConfig(int clipLen, int frameInterval, boolean testMode) {

    public static final SampleAvaFramesConfig DEFAULTS = new SampleAvaFramesConfig(32, 2, false);

    public SampleAvaFramesConfig {
        ConfigChecks.positive("clipLen", clipLen);
        ConfigChecks.positive("frameInterval", frameInterval);
    }
}
