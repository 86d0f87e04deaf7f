package io.action4j.api.video;

/**
 * One decoded frame: RGB, 8 bits per channel, rows top to bottom, interleaved ({@code H x W x 3}).
 *
 * @param index the frame's index in the video, counted from 0
 * @param rgb {@code width * height * 3} bytes, owned by this frame
 */
public record VideoFrame(int index, int width, int height, byte[] rgb) {

    public VideoFrame {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + index + ": expected " + width * height * 3
                    + " RGB bytes for " + width + "x" + height + ", got " + rgb.length);
        }
    }
}
