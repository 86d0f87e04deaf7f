package io.action4j.plugins.metrics;

import io.action4j.api.metric.NumpySum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MMAction2's multi-label metrics ({@code mmaction/evaluation/functional/accuracy.py}, v1.2.0):
 * {@code binary_precision_recall_curve}, {@code mean_average_precision} (per class, over samples) and
 * {@code mmit_mean_average_precision} (per sample, over classes), with numpy's order of operations.
 */
final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * Per class, the AP of its column; classes without any positive sample give NaN and are left out
     * of the mean, as MMAction2 does; NaN when no class has a positive.
     */
    static double meanOverClasses(float[][] scores, boolean[][] truth) {
        int numClasses = scores[0].length;
        List<Double> results = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            int column = c;
            float[] score = new float[scores.length];
            boolean[] positive = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                score[i] = scores[i][column];
                positive[i] = truth[i][column];
            }
            double ap = binary(score, positive);
            if (!Double.isNaN(ap)) {
                results.add(ap);
            }
        }
        if (results.isEmpty()) {
            return Double.NaN;
        }
        return NumpySum.mean(results.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per sample, the AP over its classes; a sample without a positive class makes the mean NaN (no filter in MMAction2). */
    static double meanOverSamples(float[][] scores, boolean[][] truth) {
        double[] results = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            results[i] = binary(scores[i], truth[i]);
        }
        return NumpySum.mean(results);
    }

    /**
     * {@code -np.sum(np.diff(recall) * precision[:-1])} over {@code binary_precision_recall_curve}:
     * scores sorted descending, one point at the end of each run of equal scores, cut where full recall
     * is first reached, reversed and closed with precision 1 at recall 0. NaN without positives.
     */
    static double binary(float[] scores, boolean[] truth) {
        int n = scores.length;
        // np.argsort(kind='mergesort')[::-1]: descending, equal scores by descending index. Only the
        // ends of runs of equal scores are read below, so the order inside a run does not matter.
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingInt(i -> i).reversed())
                .mapToInt(Integer::intValue).toArray();
        List<Integer> thresholdEnds = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            if (scores[order[i]] != scores[order[i + 1]]) {
                thresholdEnds.add(i);
            }
        }
        thresholdEnds.add(n - 1);

        int points = thresholdEnds.size();
        long[] truePositives = new long[points];
        long cumulative = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            cumulative += truth[order[i]] ? 1 : 0;
            if (i == thresholdEnds.get(next)) {
                truePositives[next++] = cumulative;
            }
        }
        long positives = truePositives[points - 1];
        if (positives == 0) {
            return Double.NaN; // recall = 0 / 0 in numpy
        }
        double[] precision = new double[points];
        double[] recall = new double[points];
        for (int p = 0; p < points; p++) {
            long falsePositives = 1 + thresholdEnds.get(p) - truePositives[p];
            precision[p] = (double) truePositives[p] / (double) (truePositives[p] + falsePositives);
            recall[p] = (double) truePositives[p] / (double) positives;
        }
        // tps.searchsorted(tps[-1]): the first point at full recall.
        int last = 0;
        while (truePositives[last] < positives) {
            last++;
        }
        double[] precisionOut = new double[last + 2];
        double[] recallOut = new double[last + 2];
        for (int i = 0; i <= last; i++) {
            precisionOut[i] = precision[last - i];
            recallOut[i] = recall[last - i];
        }
        precisionOut[last + 1] = 1.0;
        recallOut[last + 1] = 0.0;
        double[] terms = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            terms[i] = (recallOut[i + 1] - recallOut[i]) * precisionOut[i];
        }
        return -NumpySum.sum(terms);
    }

    /** Labels as MMAction2's many-hot vectors. */
    static boolean[] manyHot(int[] labels, int numClasses) {
        boolean[] hot = new boolean[numClasses];
        Arrays.stream(labels).forEach(label -> hot[label] = true);
        return hot;
    }
}
