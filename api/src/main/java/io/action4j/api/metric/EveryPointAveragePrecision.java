package io.action4j.api.metric;

/**
 * Average precision with every-point interpolation, as MMAction2 computes it for temporal detection
 * ({@code interpolated_precision_recall}) and for AVA ({@code compute_average_precision}): the
 * precision envelope (the best precision at any higher recall) integrated over the recall steps.
 * One implementation for every metric that needs it.
 */
public final class EveryPointAveragePrecision {

    private EveryPointAveragePrecision() {
    }

    /**
     * @param precision the precision after each ranked prediction
     * @param recall the recall after each ranked prediction
     */
    public static double of(double[] precision, double[] recall) {
        int n = precision.length;
        // Pad with (recall 0, precision 0) in front and (recall 1, precision 0) at the end.
        double[] paddedPrecision = new double[n + 2];
        double[] paddedRecall = new double[n + 2];
        System.arraycopy(precision, 0, paddedPrecision, 1, n);
        System.arraycopy(recall, 0, paddedRecall, 1, n);
        paddedRecall[n + 1] = 1.0;
        // Precision envelope: the best precision at this recall or any higher one.
        for (int i = n; i >= 0; i--) {
            paddedPrecision[i] = Math.max(paddedPrecision[i], paddedPrecision[i + 1]);
        }
        double ap = 0.0;
        for (int i = 1; i < n + 2; i++) {
            if (paddedRecall[i] != paddedRecall[i - 1]) {
                ap += (paddedRecall[i] - paddedRecall[i - 1]) * paddedPrecision[i];
            }
        }
        return ap;
    }
}
