package io.action4j.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases; the temporal-detection and AVA metrics that use it reproduce MMAction2's
 * published values on its own test data (their tests).
 */
class EveryPointAveragePrecisionTest {

    @Test
    void envelopeTakesTheBestPrecisionAtAnyHigherRecall() {
        // Ranked: hit, miss, hit with 2 ground truths. Envelope 1 up to recall 0.5, then 2/3 up to 1.
        double ap = EveryPointAveragePrecision.of(new double[] {1, 0.5, 2.0 / 3}, new double[] {0.5, 0.5, 1});

        assertThat(ap).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(1e-15));
    }

    @Test
    void recallNeverReachedCountsNothingBeyondIt() {
        // One hit of four ground truths, then two misses: area 0.25 x 1 only.
        assertThat(EveryPointAveragePrecision.of(new double[] {1, 0.5, 1.0 / 3}, new double[] {0.25, 0.25, 0.25}))
                .isEqualTo(0.25);
        assertThat(EveryPointAveragePrecision.of(new double[0], new double[0])).isZero();
    }
}
