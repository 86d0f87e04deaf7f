package io.action4j.api.transform;

/** An axis-aligned box in pixels of the current frame, corners {@code (x1, y1)} to {@code (x2, y2)}. */
public record Box(float x1, float y1, float x2, float y2) {

    public Box {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + "," + y1 + " " + x2 + "," + y2);
        }
    }
}
