package io.action4j.api.transform;

/**
 * One frame inside a transform pipeline: {@code float} pixels, interleaved {@code H x W x C}
 * (C = 3 for RGB, 2 for optical flow, 1 for a flow component).
 */
public record Image(int width, int height, int channels, float[] pixels) {

    public Image {
        if (width <= 0 || height <= 0 || channels <= 0 || pixels.length != width * height * channels) {
            throw new IllegalArgumentException("an image of " + width + "x" + height + "x" + channels
                    + " needs " + (long) width * height * channels + " values, got " + pixels.length);
        }
    }
}
