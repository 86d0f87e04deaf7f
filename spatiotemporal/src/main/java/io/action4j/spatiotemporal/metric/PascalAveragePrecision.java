package io.action4j.spatiotemporal.metric;

import io.action4j.api.metric.EveryPointAveragePrecision;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Pascal VOC average precision over every point (MMAction2's {@code compute_precision_recall} and
 * {@code compute_average_precision}).
 */
final class PascalAveragePrecision {

    private PascalAveragePrecision() {
    }

    /**
     * @return the AP, or NaN when the class has no ground truth (the mean then skips it)
     */
    static double of(ClassDetections detections, int groundTruthCount) {
        if (groundTruthCount == 0) {
            return Double.NaN;
        }
        int n = detections.size();
        if (n == 0) {
            return 0.0;
        }
        Integer[] order = bestFirst(detections);
        double[] precision = new double[n];
        double[] recall = new double[n];
        int truePositives = 0;
        for (int rank = 0; rank < n; rank++) {
            if (detections.truePositive(order[rank])) {
                truePositives++;
            }
            precision[rank] = (double) truePositives / (rank + 1);
            recall[rank] = (double) truePositives / groundTruthCount;
        }
        return EveryPointAveragePrecision.of(precision, recall);
    }

    /**
     * The reference sorts ascending with {@code np.argsort} and reverses. Its order among equal
     * scores is not specified; for small arrays numpy's sort is stable, which makes ties come out
     * last-added first. A stable ascending sort, reversed, reproduces that.
     */
    private static Integer[] bestFirst(ClassDetections detections) {
        Integer[] order = new Integer[detections.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(detections::score));
        for (int i = 0, j = order.length - 1; i < j; i++, j--) {
            Integer swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
