package io.action4j.synth;

/**
 * An axis-aligned box as fractions of the frame's width and height, corners (x1, y1) to (x2, y2),
 * y down: the coordinates AVA's files use. {@link #iou} holds in any units, pixels too.
 */
public record FrameBox(double x1, double y1, double x2, double y2) {

    public FrameBox {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + "," + y1 + " " + x2 + "," + y2);
        }
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    /** Intersection over union; 0 when both are empty. */
    public double iou(FrameBox other) {
        double overlapWidth = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double overlapHeight = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        double overlap = overlapWidth * overlapHeight;
        return overlap / (area() + other.area() - overlap);
    }

    /** This box cut to the frame [0, 1] x [0, 1] (empty, on the nearest edge, when wholly outside). */
    public FrameBox clipped() {
        double left = clamp(x1);
        double top = clamp(y1);
        return new FrameBox(left, top, Math.max(left, clamp(x2)), Math.max(top, clamp(y2)));
    }

    /** Whether the box lies within the frame [0, 1] x [0, 1]. */
    public boolean insideFrame() {
        return x1 >= 0 && y1 >= 0 && x2 <= 1 && y2 <= 1;
    }

    /** Each corner rounded to {@code decimals} places, as the files write it. */
    public FrameBox rounded(int decimals) {
        double scale = Math.pow(10, decimals);
        return new FrameBox(Math.rint(x1 * scale) / scale, Math.rint(y1 * scale) / scale, Math.rint(x2 * scale) / scale,
                Math.rint(y2 * scale) / scale);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
