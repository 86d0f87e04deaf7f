package io.action4j.plugins.sampling;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * Covers a long video with windows of {@code windowFrames} frames starting every
 * {@code strideFrames} frames (0, stride, 2 * stride, ...) and samples one clip per window the
 * way {@code SampleFrames} test mode samples a single clip: {@code clipLen} frames
 * {@code frameInterval} apart, centred in the window (offset
 * {@code (windowFrames - ((clipLen - 1) * frameInterval + 1)) // 2}). Every frame of each window:
 * {@code clipLen = windowFrames}, {@code frameInterval = 1}. The result is one selection whose
 * clips are the windows in time order; clip {@code w} starts at frame {@code w * strideFrames}
 * (for {@code shift}, the last one at {@code totalFrames - windowFrames}).
 *
 * <p>The tail: frames after the last full window are handled by {@code tailWindow}:
 * {@code pad} adds a window at the next stride position whose frames past the end repeat the last
 * frame; {@code drop} leaves them out; {@code shift} adds a full window ending at the last frame.
 * A video shorter than one window always gives one padded window (a selection has at least one
 * clip). With {@code strideFrames > windowFrames} frames between windows are skipped on purpose;
 * a tail whose next window would start past the end is no tail. Deterministic: no random draws.
 *
 * @param windowFrames frames per window
 * @param strideFrames frames between the starts of adjacent windows
 * @param clipLen frames sampled per window; must fit in the window
 * @param frameInterval distance between sampled frames
 * @param tailWindow {@code pad}, {@code drop} or {@code shift}
 */
public record SlidingWindowsConfig(int windowFrames, int strideFrames, int clipLen, int frameInterval,
                                   String tailWindow) {

    public static final SlidingWindowsConfig DEFAULTS = new SlidingWindowsConfig(64, 32, 16, 4, "pad");

    public SlidingWindowsConfig {
        ConfigChecks.positive("windowFrames", windowFrames);
        ConfigChecks.positive("strideFrames", strideFrames);
        ConfigChecks.positive("clipLen", clipLen);
        ConfigChecks.positive("frameInterval", frameInterval);
        ConfigChecks.required("tailWindow", tailWindow);
        ConfigChecks.oneOf("tailWindow", tailWindow, TailWindow.CONFIG_VALUES);
        long span = (long) (clipLen - 1) * frameInterval + 1;
        if (span > windowFrames) {
            throw new ConfigValueException("clipLen", clipLen + " frames " + frameInterval
                    + " apart span " + span + " frames, more than windowFrames " + windowFrames);
        }
    }
}
