package io.action4j.localization.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.localization.SharedFixtures;
import io.action4j.testing.ParityFixture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Against MMAction2's {@code pool_feature} itself ({@code parity/make_resampling_reference.py}). */
class FeatureResamplingTest {

    private static final ParityFixture REFERENCE = ParityFixture.resource(FeatureResamplingTest.class, "resampling");

    @Test
    void mmaction2sFeatureCsvReadsAsNumpyReadsIt() throws Exception {
        FeatureSequence test1 = FeatureCsv.read(
                SharedFixtures.mmaction2().resolve("tests/data/activitynet_features/v_test1.csv"));

        assertThat(test1.steps()).isEqualTo(5);
        assertThat(test1.channels()).isEqualTo(400);
        assertThat(test1.values()).containsExactly(REFERENCE.tensor("test1").reshape(-1).toFloatVector());
    }

    @Test
    void rescalesAsPoolFeatureDoes() throws Exception {
        FeatureSequence test1 = sequence(REFERENCE.tensor("test1"));
        FeatureSequence random = sequence(REFERENCE.tensor("random37"));

        assertMatches(FeatureResampling.resample(test1, 100), REFERENCE.tensor("test1_to_100"));
        assertMatches(FeatureResampling.resample(random, 10), REFERENCE.tensor("random37_to_10"));
        assertMatches(FeatureResampling.resample(random, 16, 4, FeatureResampling.Pooling.MAX),
                REFERENCE.tensor("random37_max_to_16"));
    }

    @Test
    void aSingleStepIsRepeatedAndTimesAreSpreadOverTheSpan() {
        FeatureSequence one = new FeatureSequence(1, 2, new float[] {1, 2}, new double[] {3.0}, new double[] {5.0});

        FeatureSequence four = FeatureResampling.resample(one, 4);

        assertThat(four.values()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2);
        assertThat(four.startSeconds()).containsExactly(3.0, 3.5, 4.0, 4.5);
        assertThat(four.endSeconds()).containsExactly(3.5, 4.0, 4.5, 5.0);
    }

    @Test
    void aSequenceOfTheHeadsLengthReachesItUnchangedAndAnyOtherIsResampled() {
        FeatureSequence random = sequence(REFERENCE.tensor("random37"));

        assertThat(FeatureResampling.toLength(random, 37)).isSameAs(random);
        assertThat(FeatureResampling.resample(random, 37).values()).as("resampling is not the identity")
                .isNotEqualTo(random.values());
        assertMatches(FeatureResampling.toLength(random, 10), REFERENCE.tensor("random37_to_10"));
    }

    private static FeatureSequence sequence(INDArray rows) {
        return FeatureSequence.of((int) rows.size(0), (int) rows.size(1), rows.reshape(-1).toFloatVector());
    }

    private static void assertMatches(FeatureSequence actual, INDArray expected) {
        assertThat(actual.steps()).isEqualTo(expected.size(0));
        assertThat(actual.channels()).isEqualTo(expected.size(1));
        float[] values = expected.reshape(-1).toFloatVector();
        for (int i = 0; i < values.length; i++) {
            // Both compute in float64; the reference is stored as float32, as the result is.
            assertThat(actual.values()[i]).as("value %d", i).isCloseTo(values[i], within(1e-6f));
        }
    }
}
