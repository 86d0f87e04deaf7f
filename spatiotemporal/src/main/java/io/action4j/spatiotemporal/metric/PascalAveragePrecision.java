package io.action4j.spatiotemporal.metric;

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
        double[] precision = new double[n + 2];
        double[] recall = new double[n + 2];
        int truePositives = 0;
        for (int rank = 0; rank < n; rank++) {
            if (detections.truePositive(order[rank])) {
                truePositives++;
            }
            precision[rank + 1] = (double) truePositives / (rank + 1);
            recall[rank + 1] = (double) truePositives / groundTruthCount;
        }
        recall[n + 1] = 1.0;
        // Precision envelope: from the right, each point takes the best precision at any higher recall.
        for (int i = n; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double averagePrecision = 0.0;
        for (int i = 1; i < n + 2; i++) {
            if (recall[i] != recall[i - 1]) {
                averagePrecision += (recall[i] - recall[i - 1]) * precision[i];
            }
        }
        return averagePrecision;
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
