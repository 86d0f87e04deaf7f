package io.action4j.localization.metric;

/**
 * Sums in the order numpy adds them, so that a metric reproduces MMAction2's figures to the last
 * bit rather than to rounding: {@code ndarray.sum()} and {@code mean()} of a contiguous float64
 * array use pairwise summation with eight accumulators.
 */
final class NumpySums {

    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySums() {
    }

    static double sum(double[] values) {
        return pairwise(values, 0, values.length);
    }

    static double mean(double[] values) {
        return sum(values) / values.length;
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < UNROLL) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int unrolled = n - n % UNROLL;
            for (int i = UNROLL; i < unrolled; i += UNROLL) {
                for (int k = 0; k < UNROLL; k++) {
                    r[k] += a[from + i + k];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (int i = unrolled; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % UNROLL;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }
}
