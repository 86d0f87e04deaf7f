package io.action4j.api.video;

/**
 * The frames a {@link VideoSink} takes and how they are encoded.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param quantiser the encoder's fixed quantiser, 1 (best) to 31 (MPEG-4's range); 2 is near-lossless
 * @param keyframeInterval frames between keyframes (short intervals make sparse sampling seek cheaply);
 *        0 leaves it to the encoder
 */
public record VideoFormat(int width, int height, double fps, int quantiser, int keyframeInterval) {

    public VideoFormat {
        if (width <= 0 || height <= 0 || !(fps > 0) || quantiser < 1 || quantiser > 31 || keyframeInterval < 0) {
            throw new IllegalArgumentException("invalid video format: " + width + "x" + height + ", " + fps
                    + " fps, quantiser " + quantiser + " (1..31), keyframe interval " + keyframeInterval);
        }
    }

    /** The size and rate of a video being read, at quantiser 3 and the encoder's keyframe interval. */
    public static VideoFormat like(VideoMetadata source) {
        return new VideoFormat(source.width(), source.height(), source.fps(), 3, 0);
    }
}
