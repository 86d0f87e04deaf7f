package io.action4j.plugins.sampling;

import io.action4j.api.sampling.FrameSelection;

/**
 * The second half of MMAction2's {@code SampleFrames.transform}, shared with
 * {@code DenseSampleFrames}: clip offsets to frame indices. Offsets stay doubles until the very end
 * because 2D test mode produces fractional offsets that numpy truncates only after the
 * out-of-bound handling and the start index.
 */
final class ClipFrames {

    private ClipFrames() {
    }

    /**
     * @param clipOffsets the first frame of each clip (0-based, possibly fractional)
     * @param jitter per-frame jitter added when temporal jitter is on, else {@code null}
     * @param sampler the sampler's name, for the message of {@link OutOfBoundOption#ERROR}
     * @throws IllegalArgumentException with {@link OutOfBoundOption#ERROR}, when a clip runs past the last frame
     */
    static FrameSelection select(String sampler, double[] clipOffsets, int clipLen, int frameInterval, int[] jitter,
                                 OutOfBoundOption outOfBound, int totalFrames, int startIndex) {
        int numClips = clipOffsets.length;
        double[] frames = new double[Math.multiplyExact(numClips, clipLen)];
        for (int clip = 0; clip < numClips; clip++) {
            for (int j = 0; j < clipLen; j++) {
                int at = clip * clipLen + j;
                frames[at] = clipOffsets[clip] + j * frameInterval + (jitter == null ? 0 : jitter[at]);
            }
        }
        // Out-of-bound handling works on 0-based positions; start_index comes after it.
        if (outOfBound == OutOfBoundOption.ERROR) {
            refusePastTheEnd(sampler, frames, clipLen, frameInterval, totalFrames);
        } else if (outOfBound == OutOfBoundOption.LOOP) {
            for (int at = 0; at < frames.length; at++) {
                frames[at] = NumpyMath.mod(frames[at], totalFrames);
            }
        } else {
            for (int clip = 0; clip < numClips; clip++) {
                repeatLast(frames, clip * clipLen, clipLen, totalFrames);
            }
        }
        int[] indices = new int[frames.length];
        for (int at = 0; at < frames.length; at++) {
            indices[at] = (int) (frames[at] + startIndex); // astype(int32) truncates
        }
        return new FrameSelection(indices, clipLen, numClips);
    }

    private static void refusePastTheEnd(String sampler, double[] frames, int clipLen, int frameInterval,
                                         int totalFrames) {
        for (int at = 0; at < frames.length; at++) {
            if (!(frames[at] < totalFrames)) {
                throw new IllegalArgumentException(sampler + ": the video has " + totalFrames + " frames, but clip "
                        + (at / clipLen + 1) + " of " + clipLen + " frames every " + frameInterval + " needs frame "
                        + (long) frames[at] + " (counted from 0) and outOfBoundOpt is error; a shorter clip "
                        + "(clipLen, frameInterval) fits, or outOfBoundOpt repeat_last pads the clip with its last "
                        + "frame (no motion), loop wraps around to the first");
            }
        }
    }

    /** The clip's largest in-range index (not its last one: jitter breaks the order) replaces the rest. */
    private static void repeatLast(double[] frames, int from, int length, int totalFrames) {
        double last = 0;
        for (int at = from; at < from + length; at++) {
            if (frames[at] < totalFrames) {
                last = Math.max(last, frames[at]);
            }
        }
        for (int at = from; at < from + length; at++) {
            if (!(frames[at] < totalFrames)) {
                frames[at] = last;
            }
        }
    }
}
