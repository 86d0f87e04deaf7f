package io.action4j.plugins.metrics;

import io.action4j.api.metric.NumpySum;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * MMAction2's {@code confusion_matrix(y_pred, y_real)}: rows are true classes, columns predicted
 * ones, over the sorted union of the classes that occur as a label or as a prediction (not over
 * every class the model scores).
 *
 * @param classes the classes of the rows and columns, ascending
 * @param counts {@code counts[i][j]}: samples of class {@code classes[i]} predicted as {@code classes[j]}
 */
record ConfusionMatrix(int[] classes, long[][] counts) {

    static ConfusionMatrix of(int[] predicted, int[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + truth.length + " labels");
        }
        TreeSet<Integer> union = new TreeSet<>();
        Arrays.stream(predicted).forEach(union::add);
        Arrays.stream(truth).forEach(union::add);
        int[] classes = union.stream().mapToInt(Integer::intValue).toArray();
        long[][] counts = new long[classes.length][classes.length];
        for (int i = 0; i < truth.length; i++) {
            counts[Arrays.binarySearch(classes, truth[i])][Arrays.binarySearch(classes, predicted[i])]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /**
     * MMAction2's {@code mean_class_accuracy}: per row, the diagonal over the row's sum, and 0 for a
     * row without samples (a class that was only predicted, never a label), averaged over every row.
     * So a class that occurs only as a wrong prediction lowers the mean.
     */
    double meanClassAccuracy() {
        double[] perClass = new double[classes.length];
        for (int i = 0; i < classes.length; i++) {
            long total = Arrays.stream(counts[i]).sum();
            perClass[i] = total == 0 ? 0.0 : (double) counts[i][i] / total;
        }
        return NumpySum.mean(perClass);
    }

    /**
     * {@code np.argmax}: the first of the highest scores, so ties go to the lowest class index.
     * Scores are finite (checked by the caller).
     */
    static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
