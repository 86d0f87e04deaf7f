package io.action4j.localization.features;

import java.util.ArrayList;
import java.util.List;

/** Snippet feature rows as they are computed, with their times; becomes a {@link FeatureSequence}. */
public final class Rows {

    private final List<float[]> values = new ArrayList<>();
    private final List<double[]> times = new ArrayList<>();

    public void add(double startSeconds, double endSeconds, float[] row) {
        if (!values.isEmpty() && row.length != values.get(0).length) {
            throw new IllegalArgumentException("snippet " + values.size() + " has " + row.length + " features, the first "
                    + values.get(0).length);
        }
        values.add(row.clone());
        times.add(new double[] {startSeconds, endSeconds});
    }

    public int size() {
        return values.size();
    }

    public double startSeconds(int index) {
        return times.get(index)[0];
    }

    public double endSeconds(int index) {
        return times.get(index)[1];
    }

    public float[] values(int index) {
        return values.get(index).clone();
    }

    /** The rows as a sequence, times included. */
    public FeatureSequence toSequence() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no snippet rows");
        }
        int channels = values.get(0).length;
        float[] flat = new float[values.size() * channels];
        double[] starts = new double[values.size()];
        double[] ends = new double[values.size()];
        for (int t = 0; t < values.size(); t++) {
            System.arraycopy(values.get(t), 0, flat, t * channels, channels);
            starts[t] = times.get(t)[0];
            ends[t] = times.get(t)[1];
        }
        return new FeatureSequence(values.size(), channels, flat, starts, ends);
    }
}
