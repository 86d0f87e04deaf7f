package io.action4j.api.video;

/**
 * What a reader knows about a video before decoding it.
 *
 * @param frameCount the number of decodable frames, counted by the reader (container headers can be wrong)
 * @param fps frames per second
 * @param width frame width in pixels
 * @param height frame height in pixels
 */
public record VideoMetadata(int frameCount, double fps, int width, int height) {

    public VideoMetadata {
        if (frameCount < 0 || width <= 0 || height <= 0 || !(fps > 0)) {
            throw new IllegalArgumentException("invalid video metadata: " + frameCount + " frames, "
                    + fps + " fps, " + width + "x" + height);
        }
    }

    public double durationSeconds() {
        return frameCount / fps;
    }
}
