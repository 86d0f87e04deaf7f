package io.action4j.plugins.tfjs.graph;

/** IEEE 754 half precision to single precision, from the bits (Java 17 has no {@code Float.float16ToFloat}). */
final class Float16 {

    private static final int SIGN = 0x8000;
    private static final int EXPONENT_ALL_ONES = 0x1f;
    /** Single precision's exponent bias (127) minus half precision's (15). */
    private static final int BIAS_DIFFERENCE = 112;

    private Float16() {
    }

    /** The exact float32 value of the half-precision number in the low 16 bits of {@code bits}. */
    static float toFloat(int bits) {
        int sign = (bits & SIGN) << 16;
        int exponent = (bits >>> 10) & EXPONENT_ALL_ONES;
        int mantissa = bits & 0x3ff;
        if (exponent == EXPONENT_ALL_ONES) {
            // Infinity or NaN; a NaN keeps its payload.
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float32.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + BIAS_DIFFERENCE) << 23) | (mantissa << 13));
    }
}
