package io.action4j.api.metric;

/**
 * Sums doubles in the order numpy's {@code np.sum} / {@code np.mean} do for a contiguous 1-D float64
 * array, so that means agree with MMAction2 to the last bit: numpy adds the elements to the identity
 * 0.0 with its pairwise summation ({@code pairwise_sum} in numpy's {@code loops_utils.h.src}):
 * fewer than 8 values left to right; up to 128 values in 8 interleaved partial sums combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, then the remainder; more than 128 split in two halves
 * (the first a multiple of 8) summed recursively. Checked against numpy 1.24 on random arrays. One
 * implementation for every metric that reproduces MMAction2's means (recognition, localization).
 */
public final class NumpySum {

    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySum() {
    }

    public static double sum(double[] values) {
        return 0.0 + pairwise(values, 0, values.length);
    }

    /** {@code np.mean}: the sum above divided by the count (NaN for no values, as numpy gives). */
    public static double mean(double[] values) {
        return sum(values) / values.length;
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < UNROLL) {
            double result = 0.0;
            for (int i = 0; i < n; i++) {
                result += a[from + i];
            }
            return result;
        }
        if (n <= BLOCK) {
            double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - n % UNROLL; i += UNROLL) {
                for (int j = 0; j < UNROLL; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                result += a[from + i];
            }
            return result;
        }
        int half = n / 2;
        half -= half % UNROLL;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }
}
