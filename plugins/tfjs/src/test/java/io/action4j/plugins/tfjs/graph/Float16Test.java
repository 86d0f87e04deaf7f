package io.action4j.plugins.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void normalNumbersKeepSignExponentAndMantissa() {
        assertThat(Float16.toFloat(0x3c00)).isEqualTo(1.0f);
        assertThat(Float16.toFloat(0xc000)).isEqualTo(-2.0f);
        assertThat(Float16.toFloat(0x3555)).isEqualTo(0.333251953125f);
        assertThat(Float16.toFloat(0x7bff)).isEqualTo(65504.0f);
        assertThat(Float16.toFloat(0x0400)).isEqualTo(0x1p-14f);
    }

    @Test
    void subnormalsAndZerosAreExact() {
        assertThat(Float16.toFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(Float16.toFloat(0x83ff)).isEqualTo(-1023 * 0x1p-24f);
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x0000))).isZero();
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void infinitiesAndNanSurvive() {
        assertThat(Float16.toFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Float16.toFloat(0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float16.toFloat(0x7e00)).isNaN();
    }

    @Test
    void everyHalfRoundTripsThroughFloat() {
        // float32 holds every half exactly: converting back by rounding must give the same bits.
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = Float16.toFloat(bits);
            if (!Float.isNaN(value)) {
                assertThat(toHalf(value)).as("0x%04x", bits).isEqualTo(bits);
            }
        }
    }

    /** Exact values only (every float16 is one): sign, exponent and mantissa moved back. */
    private static int toHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        float magnitude = Math.abs(value);
        if (Float.isInfinite(magnitude)) {
            return sign | 0x7c00;
        }
        if (magnitude < 0x1p-14f) {
            return sign | Math.round(magnitude / 0x1p-24f);
        }
        int exponent = ((bits >>> 23) & 0xff) - 112;
        return sign | (exponent << 10) | ((bits >>> 13) & 0x3ff);
    }
}
