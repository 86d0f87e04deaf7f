package io.action4j.api.video;

/**
 * What a reader knows about a video before decoding it.
 *
 * @param frameCount the number of frames (from the container's index or the reader's own count)
 * @param fps frames per second
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param startIndex the index of the first frame: 0 for video files, often 1 for rawframe folders
 */
public record VideoMetadata(int frameCount, double fps, int width, int height, int startIndex) {

    public VideoMetadata {
        if (frameCount < 0 || width <= 0 || height <= 0 || !(fps > 0) || startIndex < 0) {
            throw new IllegalArgumentException("invalid video metadata: " + frameCount + " frames, "
                    + fps + " fps, " + width + "x" + height + ", first index " + startIndex);
        }
    }

    public double durationSeconds() {
        return frameCount / fps;
    }
}
