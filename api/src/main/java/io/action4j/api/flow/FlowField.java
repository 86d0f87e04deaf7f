package io.action4j.api.flow;

/**
 * A dense optical-flow field between two frames: for every pixel of the first frame, where it moved to in
 * the second, in pixels. Held as {@code (2, H, W)} float32, planar: the x displacements of every pixel (rows
 * top to bottom), then the y displacements.
 *
 * @param width the frames' width W
 * @param height the frames' height H
 * @param values {@code 2 * H * W} displacements, x plane first; owned by this field
 */
public record FlowField(int width, int height, float[] values) {

    public FlowField {
        if (width <= 0 || height <= 0 || values == null || values.length != 2 * width * height) {
            throw new IllegalArgumentException("a flow field of " + width + "x" + height + " needs "
                    + 2L * width * height + " values, got " + (values == null ? "none" : values.length));
        }
    }

    /** The x displacement at column {@code x}, row {@code y}. */
    public float dx(int x, int y) {
        return values[y * width + x];
    }

    /** The y displacement at column {@code x}, row {@code y}. */
    public float dy(int x, int y) {
        return values[width * height + y * width + x];
    }
}
