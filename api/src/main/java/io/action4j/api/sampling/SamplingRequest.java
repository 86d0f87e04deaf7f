package io.action4j.api.sampling;

import java.util.OptionalInt;

/**
 * What a sampler needs to know about one video.
 *
 * @param totalFrames frames in the video
 * @param fps frames per second
 * @param startIndex the index of the first frame: 0 for video files, usually 1 for rawframe
 *                   folders ({@code img_00001.jpg}); samplers add it to every index, as MMAction2 does
 * @param keyframeIndex the frame an AVA-style window is centred on, when there is one
 */
public record SamplingRequest(int totalFrames, double fps, int startIndex, OptionalInt keyframeIndex) {

    public SamplingRequest {
        if (totalFrames < 0 || !(fps > 0) || startIndex < 0) {
            throw new IllegalArgumentException("invalid sampling request: " + totalFrames + " frames at " + fps
                    + " fps from index " + startIndex);
        }
    }

    /** A video file: indices from 0, no keyframe. */
    public static SamplingRequest of(int totalFrames, double fps) {
        return new SamplingRequest(totalFrames, fps, 0, OptionalInt.empty());
    }
}
