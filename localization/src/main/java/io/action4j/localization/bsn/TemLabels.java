package io.action4j.localization.bsn;

/**
 * TEM's training targets for one video, as MMAction2's {@code TEM.generate_labels} computes them (in
 * float64, stored as float32), from ground-truth segments normalised to [0, 1]: for each step's
 * anchor {@code [t / T, (t + 1) / T]}, its best overlap, as a share of the anchor, with a segment
 * (actionness) and with the regions around a segment's start and end, each as wide as
 * {@code max(1 / T, boundaryRatio x length)}.
 */
public record TemLabels(float[] actionness, float[] start, float[] end) {

    public static TemLabels of(double[][] segments, int steps, double boundaryRatio) {
        float[] action = new float[steps];
        float[] starts = new float[steps];
        float[] ends = new float[steps];
        double gap = 1.0 / steps;
        for (int t = 0; t < steps; t++) {
            double anchorStart = gap * (t + 0.0);
            double anchorEnd = gap * (t + 1.0);
            double bestAction = Double.NEGATIVE_INFINITY;
            double bestStart = Double.NEGATIVE_INFINITY;
            double bestEnd = Double.NEGATIVE_INFINITY;
            for (double[] segment : segments) {
                double pad = Math.max(1.0 / steps, boundaryRatio * (segment[1] - segment[0]));
                bestAction = Math.max(bestAction, overlap(anchorStart, anchorEnd, segment[0], segment[1]));
                bestStart = Math.max(bestStart, overlap(anchorStart, anchorEnd, segment[0] - pad / 2, segment[0] + pad / 2));
                bestEnd = Math.max(bestEnd, overlap(anchorStart, anchorEnd, segment[1] - pad / 2, segment[1] + pad / 2));
            }
            if (segments.length > 0) {
                action[t] = (float) bestAction;
                starts[t] = (float) bestStart;
                ends[t] = (float) bestEnd;
            }
        }
        return new TemLabels(action, starts, ends);
    }

    /** MMAction2's {@code temporal_iop}: the intersection as a share of the anchor. */
    private static double overlap(double anchorStart, double anchorEnd, double from, double to) {
        double length = anchorEnd - anchorStart;
        double intersection = Math.max(Math.min(anchorEnd, to) - Math.max(anchorStart, from), 0.0);
        return intersection / length;
    }
}
