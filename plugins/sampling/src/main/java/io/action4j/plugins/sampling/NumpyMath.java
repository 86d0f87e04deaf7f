package io.action4j.plugins.sampling;

/** numpy's rounding and modulo, whose Java look-alikes differ on halves and negatives. */
final class NumpyMath {

    private NumpyMath() {
    }

    /** {@code np.around} / {@code np.round}: half to even (2.5 -> 2), unlike {@link Math#round}. */
    static double around(double value) {
        return Math.rint(value);
    }

    /** {@code np.mod} on floats: the result takes the sign of the divisor, like Python's {@code %}. */
    static double mod(double value, int divisor) {
        double remainder = value % divisor;
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder;
    }

    /**
     * {@code np.linspace(0, stop, num, dtype=int)}: {@code i * (stop / (num - 1))}, the last value
     * set to {@code stop}, then floored.
     */
    static int[] linspaceFloored(int stop, int num) {
        int[] values = new int[num];
        if (num == 1) {
            return values;
        }
        double step = stop / (double) (num - 1);
        for (int i = 0; i < num - 1; i++) {
            values[i] = (int) Math.floor(i * step);
        }
        values[num - 1] = stop;
        return values;
    }
}
