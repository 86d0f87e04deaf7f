package io.action4j.localization.features;

/**
 * Rescales a feature sequence of any length to a fixed number of steps, as MMAction2's ActivityNet
 * feature post-processing does ({@code tools/data/activitynet/activitynet_feature_postprocessing.py},
 * {@code pool_feature}): the sequence is linearly interpolated between its steps; each output step
 * covers {@code (T - 1 - 2e-4) / steps} of it, starting at 1e-4, and pools {@code bins} evenly spaced
 * points of its span (mean or max). A sequence of one step is repeated.
 */
public final class FeatureResampling {

    /** How the points of one output step are pooled. */
    public enum Pooling { MEAN, MAX }

    private static final double EDGE = 1e-4;

    private FeatureResampling() {
    }

    /** MMAction2's defaults: 3 points per step, averaged. */
    public static FeatureSequence resample(FeatureSequence features, int steps) {
        return resample(features, steps, 3, Pooling.MEAN);
    }

    /**
     * The sequence as a head of {@code steps} steps reads it: unchanged when it already has that many
     * (as MMAction2 loads a post-processed CSV), else {@link #resample resampled}. Training, validation,
     * testing and inference all go through here, so a model sees the same input in each.
     */
    public static FeatureSequence toLength(FeatureSequence features, int steps) {
        return features.steps() == steps ? features : resample(features, steps);
    }

    public static FeatureSequence resample(FeatureSequence features, int steps, int bins, Pooling pooling) {
        if (steps < 1 || bins < 1) {
            throw new IllegalArgumentException("resampling needs at least one step and one bin, got " + steps + ", " + bins);
        }
        int channels = features.channels();
        int length = features.steps();
        float[] out = new float[steps * channels];
        if (length == 1) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(features.values(), 0, out, t * channels, channels);
            }
            return withTimes(features, steps, out);
        }
        double start = EDGE;
        double end = length - 1 - EDGE;
        double anchor = (end - start) / steps;
        double pointer = start;
        double[] pooled = new double[channels];
        double[] point = new double[channels];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < bins; b++) {
                interpolate(features, pointer + (double) b / bins * anchor, point);
                for (int c = 0; c < channels; c++) {
                    pooled[c] = b == 0 ? point[c]
                            : pooling == Pooling.MEAN ? pooled[c] + point[c] : Math.max(pooled[c], point[c]);
                }
            }
            for (int c = 0; c < channels; c++) {
                out[t * channels + c] = (float) (pooling == Pooling.MEAN ? pooled[c] / bins : pooled[c]);
            }
            pointer += anchor;
        }
        return withTimes(features, steps, out);
    }

    /** scipy's {@code interp1d} (linear) at {@code x} within [0, T - 1], as its {@code _call_linear} computes it. */
    private static void interpolate(FeatureSequence features, double x, double[] into) {
        int channels = features.channels();
        // searchsorted(x_range, x, 'left'), clipped to [1, T - 1]
        int high = (int) Math.ceil(x);
        high = Math.max(1, Math.min(features.steps() - 1, high));
        int low = high - 1;
        for (int c = 0; c < channels; c++) {
            double yLow = features.value(low, c);
            double yHigh = features.value(high, c);
            double slope = (yHigh - yLow) / (high - low);
            into[c] = slope * (x - low) + yLow;
        }
    }

    /** Output steps spread evenly over the span the input's steps cover, if the input has times. */
    private static FeatureSequence withTimes(FeatureSequence features, int steps, float[] values) {
        if (!features.hasTimes()) {
            return FeatureSequence.of(steps, features.channels(), values);
        }
        double first = features.startSeconds()[0];
        double last = features.endSeconds()[features.steps() - 1];
        double[] starts = new double[steps];
        double[] ends = new double[steps];
        for (int t = 0; t < steps; t++) {
            starts[t] = first + (last - first) * t / steps;
            ends[t] = first + (last - first) * (t + 1) / steps;
        }
        return new FeatureSequence(steps, features.channels(), values, starts, ends);
    }
}
