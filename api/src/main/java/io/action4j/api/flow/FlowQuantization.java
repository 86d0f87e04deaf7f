package io.action4j.api.flow;

import io.action4j.api.video.VideoFrame;

/**
 * Flow stored as 8-bit images, as the two-stream and TSN work (denseflow) store it and MMAction2's rawframe
 * datasets hold it: each component is clipped to {@code [-bound, bound]} pixels and rescaled to 0..255,
 * {@code v > b ? 255 : v < -b ? 0 : rint(255 (v + b) / 2b)}, rounding half to even as OpenCV's {@code cvRound}
 * does, so that no motion is 128. Reading back maps 128 to zero: {@code (level - 128) * 2b / 255}, which is what
 * MMAction2's flow configs assume when they normalise with mean 128. A stored level is within half a step
 * ({@code b / 255}) of {@code v + b / 255}: the round trip loses the sub-step detail and moves values by at most
 * one step ({@code 2b / 255}, 0.157 px at the default bound).
 */
public final class FlowQuantization {

    /** The TSN bound, pixels. */
    public static final double DEFAULT_BOUND = 20;

    private FlowQuantization() {
    }

    /** The stored level of displacement {@code value}, 0..255. */
    public static int level(float value, double bound) {
        if (value > bound) {
            return 255;
        }
        if (value < -bound) {
            return 0;
        }
        return (int) Math.rint(255 * (value + bound) / (2 * bound));
    }

    /** The displacement a stored level stands for; 128 is zero. */
    public static float displacement(int level, double bound) {
        return (float) ((level - 128) * (2 * bound) / 255);
    }

    /**
     * The field's x and y planes as levels, {@code [x, y]}, each {@code H * W} bytes, rows top to bottom.
     *
     * @throws IllegalArgumentException when {@code bound} is not a positive number
     */
    public static byte[][] levels(FlowField field, double bound) {
        checkBound(bound);
        int pixels = field.width() * field.height();
        byte[] x = new byte[pixels];
        byte[] y = new byte[pixels];
        float[] values = field.values();
        for (int i = 0; i < pixels; i++) {
            x[i] = (byte) level(values[i], bound);
            y[i] = (byte) level(values[pixels + i], bound);
        }
        return new byte[][] {x, y};
    }

    /**
     * The field a stored flow frame stands for: a 2-channel frame (x, y levels interleaved, as the {@code rawframes}
     * reader reads a flow folder) or the two planes.
     *
     * @throws IllegalArgumentException when the frame does not have 2 channels
     */
    public static FlowField field(VideoFrame flowFrame, double bound) {
        checkBound(bound);
        if (flowFrame.channels() != 2) {
            throw new IllegalArgumentException("frame " + flowFrame.index() + " has " + flowFrame.channels()
                    + " channels; a flow frame has 2 (x, y)");
        }
        int pixels = flowFrame.width() * flowFrame.height();
        float[] values = new float[2 * pixels];
        byte[] levels = flowFrame.pixels();
        for (int i = 0; i < pixels; i++) {
            values[i] = displacement(levels[2 * i] & 0xff, bound);
            values[pixels + i] = displacement(levels[2 * i + 1] & 0xff, bound);
        }
        return new FlowField(flowFrame.width(), flowFrame.height(), values);
    }

    private static void checkBound(double bound) {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("the flow bound must be a positive number of pixels, got " + bound);
        }
    }
}
