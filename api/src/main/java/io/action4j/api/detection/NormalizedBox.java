package io.action4j.api.detection;

import io.action4j.api.transform.Box;

/**
 * A box as a fraction of the frame's width and height, corners {@code (x1, y1)} to {@code (x2, y2)}:
 * how AVA's files and detections give person boxes, whatever the video's size. {@link Box} is the
 * same in pixels of a frame, as the transforms move it.
 */
public record NormalizedBox(float x1, float y1, float x2, float y2) {

    public NormalizedBox {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + "," + y1 + " " + x2 + "," + y2);
        }
    }

    /** In pixels of a {@code width} x {@code height} frame. */
    public Box toPixels(int width, int height) {
        return new Box(x1 * width, y1 * height, x2 * width, y2 * height);
    }

    /** {@code box} (pixels of a {@code width} x {@code height} frame) as fractions of the frame. */
    public static NormalizedBox of(Box box, int width, int height) {
        return new NormalizedBox(box.x1() / width, box.y1() / height, box.x2() / width, box.y2() / height);
    }
}
