package io.action4j.plugins.sampling;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * MMAction2's {@code SampleFrames}: {@code numClips} clips of {@code clipLen} frames taken every
 * {@code frameInterval} frames. TSN-style segment sampling is {@code clipLen = 1}; in test mode a
 * clip length of 1 also switches to MMAction2's "2D" offsets (segment centres), any other length
 * to the "3D" ones (evenly spread starts). {@code target_fps} is not supported.
 *
 * @param clipLen frames per clip (MMAction2 has no default; 1 here)
 * @param frameInterval distance between sampled frames of a clip
 * @param numClips clips per video
 * @param testMode deterministic test/validation sampling instead of random training offsets
 * @param temporalJitter add a random {@code [0, frameInterval)} shift to every frame (test mode too,
 *                       as in MMAction2)
 * @param twiceSample test mode: also sample the clips shifted by half a segment (2D) or continue the
 *                    3D grid for {@code numClips} more clips; the selection then holds
 *                    {@code 2 * numClips} clips
 * @param outOfBoundOpt {@code loop} (index mod frames), {@code repeat_last} (the clip's last valid frame) or
 *     {@code error} (refuse a video too short for the clip, naming the frames; not in MMAction2)
 * @param keepTailFrames train mode: fractional segment length so that tail frames can be drawn
 */
public record SampleFramesConfig(int clipLen, int frameInterval, int numClips, boolean testMode,
                                 boolean temporalJitter, boolean twiceSample, String outOfBoundOpt,
                                 boolean keepTailFrames) {

    public static final SampleFramesConfig DEFAULTS =
            new SampleFramesConfig(1, 1, 1, false, false, false, "loop", false);

    public SampleFramesConfig {
        ConfigChecks.positive("clipLen", clipLen);
        ConfigChecks.positive("frameInterval", frameInterval);
        ConfigChecks.positive("numClips", numClips);
        ConfigChecks.required("outOfBoundOpt", outOfBoundOpt);
        ConfigChecks.oneOf("outOfBoundOpt", outOfBoundOpt, OutOfBoundOption.CONFIG_VALUES);
        if (twiceSample && testMode && clipLen > 1 && numClips == 1) {
            // MMAction2 divides by numClips - 1 here and raises ZeroDivisionError.
            throw new ConfigValueException("twiceSample",
                    "needs numClips > 1 when clipLen > 1 in test mode, got numClips 1");
        }
    }
}
