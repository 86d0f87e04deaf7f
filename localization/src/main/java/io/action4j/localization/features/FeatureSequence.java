package io.action4j.localization.features;

import java.util.Arrays;

/**
 * A video's snippet features: {@code steps} time steps of {@code channels} values each, row-major
 * (MMAction2's CSV layout, one row per step), and, where known, the time span each step covers.
 *
 * @param startSeconds where each step's snippet starts, or null when unknown (MMAction2's CSVs carry
 *                     no times)
 * @param endSeconds where each step's snippet ends, or null with {@code startSeconds}
 */
public record FeatureSequence(int steps, int channels, float[] values, double[] startSeconds, double[] endSeconds) {

    public FeatureSequence {
        if (steps < 1 || channels < 1) {
            throw new IllegalArgumentException("a feature sequence needs at least one step and one channel, got "
                    + steps + " x " + channels);
        }
        if (values.length != (long) steps * channels) {
            throw new IllegalArgumentException(steps + " x " + channels + " features need " + (long) steps * channels
                    + " values, got " + values.length);
        }
        if ((startSeconds == null) != (endSeconds == null)
                || startSeconds != null && (startSeconds.length != steps || endSeconds.length != steps)) {
            throw new IllegalArgumentException("a feature sequence has a start and an end time per step, or neither");
        }
    }

    /** Features without times. */
    public static FeatureSequence of(int steps, int channels, float[] values) {
        return new FeatureSequence(steps, channels, values, null, null);
    }

    public boolean hasTimes() {
        return startSeconds != null;
    }

    public float value(int step, int channel) {
        return values[step * channels + channel];
    }

    /** The features as the localization graph reads them, channels first: C x T, row-major. */
    public float[] channelsFirst() {
        float[] transposed = new float[values.length];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < channels; c++) {
                transposed[c * steps + t] = values[t * channels + c];
            }
        }
        return transposed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureSequence that && steps == that.steps && channels == that.channels
                && Arrays.equals(values, that.values) && Arrays.equals(startSeconds, that.startSeconds)
                && Arrays.equals(endSeconds, that.endSeconds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * steps + channels) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureSequence[" + steps + " steps x " + channels + " channels" + (hasTimes() ? ", timed" : "") + "]";
    }
}
