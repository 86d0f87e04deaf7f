package io.action4j.plugins.sampling;

import io.action4j.api.ConfigChecks;

/**
 * MMAction2's {@code UntrimmedSampleFrames}: a clip centred every {@code clipInterval} frames,
 * the first centre at {@code clipInterval / 2}, indices clamped into the video.
 *
 * @param clipLen frames per clip
 * @param clipInterval frames between the centres of adjacent clips
 * @param frameInterval distance between sampled frames of a clip
 */
public record UntrimmedSampleFramesConfig(int clipLen, int clipInterval, int frameInterval) {

    public static final UntrimmedSampleFramesConfig DEFAULTS = new UntrimmedSampleFramesConfig(1, 16, 1);

    public UntrimmedSampleFramesConfig {
        ConfigChecks.positive("clipLen", clipLen);
        ConfigChecks.positive("clipInterval", clipInterval);
        ConfigChecks.positive("frameInterval", frameInterval);
    }
}
