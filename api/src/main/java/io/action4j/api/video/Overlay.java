package io.action4j.api.video;

import java.util.List;

/**
 * What a {@link VideoSink} draws on a frame: lines of text in the top-left corner (labels and scores)
 * and labelled boxes (people and their actions), white on a dark outline so they read on any background.
 *
 * @param lines text lines, top to bottom
 * @param boxes boxes in the frame's pixel coordinates
 */
public record Overlay(List<String> lines, List<Box> boxes) {

    /** Nothing to draw. */
    public static final Overlay NONE = new Overlay(List.of(), List.of());

    public Overlay {
        lines = List.copyOf(lines);
        boxes = List.copyOf(boxes);
    }

    public static Overlay lines(List<String> lines) {
        return new Overlay(lines, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty() && boxes.isEmpty();
    }

    /**
     * A rectangle from {@code (x1, y1)} to {@code (x2, y2)} in pixels, with a label written above it
     * (empty for none).
     */
    public record Box(double x1, double y1, double x2, double y2, String label) {

        public Box {
            if (!(x2 >= x1) || !(y2 >= y1)) {
                throw new IllegalArgumentException("overlay box needs x1 <= x2 and y1 <= y2, got (" + x1 + ", " + y1
                        + ", " + x2 + ", " + y2 + ")");
            }
        }
    }
}
