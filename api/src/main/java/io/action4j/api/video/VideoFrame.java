package io.action4j.api.video;

/**
 * One decoded frame, 8 bits per channel, rows top to bottom, channels interleaved
 * ({@code H x W x C}): C = 3 for RGB, C = 2 for optical flow (x, y; 128 = no motion).
 *
 * @param index the frame's index in the video, counted from the reader's start index
 * @param pixels {@code width * height * channels} bytes, owned by this frame
 */
public record VideoFrame(int index, int width, int height, int channels, byte[] pixels) {

    public VideoFrame {
        if (width <= 0 || height <= 0 || channels <= 0 || pixels.length != width * height * channels) {
            throw new IllegalArgumentException("frame " + index + ": expected " + width * height * channels
                    + " bytes for " + width + "x" + height + "x" + channels + ", got " + pixels.length);
        }
    }

    /** The value at row {@code y}, column {@code x}, channel {@code c}, as 0..255. */
    public int value(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c] & 0xff;
    }
}
