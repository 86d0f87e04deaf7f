package io.action4j.plugins.transforms;

/** numpy's float32 pairwise summation ({@code pairwise_sum}: 8-way unrolled blocks of up to 128). */
final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    static float of(float[] values, int from, int count) {
        if (count < 8) {
            float sum = 0f;
            for (int i = 0; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (count <= BLOCK) {
            float[] r = new float[8];
            System.arraycopy(values, from, r, 0, 8);
            int i = 8;
            for (; i < count - (count % 8); i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += values[from + i + k];
                }
            }
            float sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = count / 2;
        half -= half % 8;
        return of(values, from, half) + of(values, from + half, count - half);
    }
}
