package io.action4j.localization.bmn;

/**
 * BMN's training targets for one video, as MMAction2's {@code BMN.generate_labels} computes them
 * (in float64, stored as float32), from its ground-truth segments normalised to [0, 1]:
 *
 * <ul>
 *   <li>the confidence map: for each candidate (duration d, start s), spanning
 *       {@code [s / T, (s + d + 1) / T]}, its best tIoU with a ground-truth segment;</li>
 *   <li>start and end: for each step's anchor {@code [(t - 0.5) / T, (t + 1.5) / T]}, its best
 *       overlap, as a share of the anchor, with a region of 3 steps around a ground-truth start
 *       (end).</li>
 * </ul>
 *
 * @param confidence T x T, row-major (duration, start)
 * @param start T
 * @param end T
 */
public record BmnLabels(float[] confidence, float[] start, float[] end) {

    /**
     * @param segments ground-truth segments as {start, end} pairs in [0, 1]; none gives all-zero targets
     */
    public static BmnLabels of(double[][] segments, int steps) {
        float[] confidence = new float[steps * steps];
        float[] starts = new float[steps];
        float[] ends = new float[steps];
        double gap = 1.0 / steps;
        for (double[] segment : segments) {
            for (int duration = 0; duration < steps; duration++) {
                for (int first = 0; first < steps; first++) {
                    double from = gap * first;
                    double to = from + gap * (duration + 1);
                    float iou = (float) iou(from, to, segment[0], segment[1]);
                    int index = duration * steps + first;
                    confidence[index] = Math.max(confidence[index], iou);
                }
            }
        }
        double pad = 3 * (1.0 / steps);
        for (int t = 0; t < steps; t++) {
            double anchorStart = gap * (t + -0.5);
            double anchorEnd = gap * (t + 1.5);
            starts[t] = (float) bestOverlap(segments, 0, pad, anchorStart, anchorEnd);
            ends[t] = (float) bestOverlap(segments, 1, pad, anchorStart, anchorEnd);
        }
        return new BmnLabels(confidence, starts, ends);
    }

    /** MMAction2's {@code temporal_iou}, its operations in its order. */
    private static double iou(double from, double to, double gtFrom, double gtTo) {
        double length = to - from;
        double intersection = Math.max(Math.min(to, gtTo) - Math.max(from, gtFrom), 0.0);
        double union = length - intersection + gtTo - gtFrom;
        return intersection / union;
    }

    /** The best {@code temporal_iop} of the anchor with the padded regions around each segment's start or end. */
    private static double bestOverlap(double[][] segments, int side, double pad, double anchorStart, double anchorEnd) {
        double best = Double.NEGATIVE_INFINITY;
        double length = anchorEnd - anchorStart;
        for (double[] segment : segments) {
            double regionStart = segment[side] - pad / 2;
            double regionEnd = segment[side] + pad / 2;
            double intersection = Math.max(Math.min(anchorEnd, regionEnd) - Math.max(anchorStart, regionStart), 0.0);
            best = Math.max(best, intersection / length);
        }
        return segments.length == 0 ? 0 : best;
    }
}
