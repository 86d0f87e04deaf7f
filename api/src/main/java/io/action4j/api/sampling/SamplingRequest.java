package io.action4j.api.sampling;

import java.util.OptionalInt;

/**
 * What a sampler needs to know about one video.
 *
 * @param totalFrames frames in the video
 * @param fps frames per second
 * @param keyframeIndex the frame an AVA-style window is centred on, when there is one
 */
public record SamplingRequest(int totalFrames, double fps, OptionalInt keyframeIndex) {

    public SamplingRequest {
        if (totalFrames < 0 || !(fps > 0)) {
            throw new IllegalArgumentException("invalid sampling request: " + totalFrames + " frames at " + fps + " fps");
        }
    }

    public static SamplingRequest of(int totalFrames, double fps) {
        return new SamplingRequest(totalFrames, fps, OptionalInt.empty());
    }
}
