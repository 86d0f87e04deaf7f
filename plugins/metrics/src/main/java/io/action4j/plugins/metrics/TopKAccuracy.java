package io.action4j.plugins.metrics;

/**
 * MMAction2's {@code top_k_accuracy}: the fraction of samples whose label is among the k
 * highest-scoring classes ({@code np.argsort(scores)[:, -k:]}); with k at least the class count every
 * sample counts as a hit, as in numpy.
 *
 * <p>Ties: numpy's default argsort does not define the order of equal scores (for up to 16 classes it
 * happens to be stable, which puts the <em>highest</em> tied index into the top k, while
 * {@code np.argmax} in mean class accuracy takes the lowest). Here the top k are the k classes
 * ranked by score, equal scores in ascending class index: ties go to the lowest index, the same rule
 * as argmax, so top-1 accuracy always agrees with the argmax prediction and the confusion matrix.
 */
final class TopKAccuracy {

    private TopKAccuracy() {
    }

    static double of(float[][] scores, int[] labels, int k) {
        long hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (isInTopK(scores[i], labels[i], k)) {
                hits++;
            }
        }
        return (double) hits / labels.length;
    }

    /** Whether fewer than k classes rank before the label (a higher score, or the same score and a lower index). */
    static boolean isInTopK(float[] scores, int label, int k) {
        float own = scores[label];
        int ahead = 0;
        for (int c = 0; c < scores.length && ahead < k; c++) {
            if (scores[c] > own || (scores[c] == own && c < label)) {
                ahead++;
            }
        }
        return ahead < k;
    }
}
