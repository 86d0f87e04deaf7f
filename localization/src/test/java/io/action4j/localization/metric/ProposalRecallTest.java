package io.action4j.localization.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.result.TemporalSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The three cases of MMAction2's {@code test_average_recall_at_avg_proposals} with the values it
 * asserts, and the conventions around them.
 */
class ProposalRecallTest {

    private static final ProposalRecall AVERAGE_BUDGET =
            new ProposalRecall(TiouThresholds.activityNet(), OptionalDouble.empty());

    @Test
    void proposalsOnTheTruthReachFullRecallAtTheLastStep() {
        List<TemporalSegment> truth = List.of(segment(0, 1, 1), segment(1, 2, 1));
        List<LocalizationSample> samples = List.of(
                new LocalizationSample("test1", truth, truth), new LocalizationSample("test2", truth, truth));

        ProposalRecallCurve curve = AVERAGE_BUDGET.curve(samples);

        double[] expected = new double[100];
        Arrays.fill(expected, 49, 99, 0.5);
        expected[99] = 1.0;
        for (double[] row : curve.recall()) {
            assertThat(row).containsExactly(expected);
        }
        assertThat(curve.averageRecall()).containsExactly(expected);
        for (int j = 0; j < 100; j++) {
            assertThat(curve.proposalsPerVideo()[j]).isCloseTo(0.02 * (j + 1), within(1e-10));
        }
        assertThat(curve.auc()).isEqualTo(25.5);
    }

    @Test
    void proposalsAwayFromTheTruthFindNothing() {
        List<TemporalSegment> truth = List.of(segment(0, 1, 1), segment(1, 2, 1));
        List<TemporalSegment> far = List.of(segment(10, 11, 0.6), segment(11, 12, 0.4));
        List<LocalizationSample> samples = List.of(
                new LocalizationSample("test1", far, truth), new LocalizationSample("test2", far, truth));

        ProposalRecallCurve curve = AVERAGE_BUDGET.curve(samples);

        for (double[] row : curve.recall()) {
            assertThat(row).containsOnly(0.0);
        }
        assertThat(curve.auc()).isEqualTo(0.0);
    }

    @Test
    void theBestScoredProposalFindsTheTruthAtEveryStep() {
        List<TemporalSegment> proposals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            proposals.add(segment(i, i + 1, 1.0 / (i + 1)));
        }
        List<LocalizationSample> samples = List.of(new LocalizationSample("test1", proposals, List.of(segment(0, 1, 1))));

        ProposalRecallCurve curve = AVERAGE_BUDGET.curve(samples);

        for (double[] row : curve.recall()) {
            assertThat(row).containsOnly(1.0);
        }
        for (int j = 0; j < 100; j++) {
            assertThat(curve.proposalsPerVideo()[j]).isCloseTo(j + 1, within(1e-10));
        }
        assertThat(curve.auc()).isEqualTo(99.0);
    }

    @Test
    void reportsMmaction2sNames() {
        List<TemporalSegment> truth = List.of(segment(0, 1, 1), segment(1, 2, 1));
        List<LocalizationSample> samples = List.of(
                new LocalizationSample("test1", truth, truth), new LocalizationSample("test2", truth, truth));

        MetricResult result = AVERAGE_BUDGET.evaluate(samples);

        assertThat(result.values().keySet()).containsExactly("auc", "AR@1", "AR@5", "AR@10", "AR@100");
        assertThat(result.get("AR@1")).isZero();
        assertThat(result.get("AR@100")).isEqualTo(1.0);
    }

    @Test
    void eachVideoKeepsATruncatedShareOfItsOwnProposals() {
        // 100 proposals, budget 29 per video: 100 * 0.29 is 28.999999999999996, so 28 are kept and the
        // proposal at rank 29, the only one on the truth, is never looked at.
        List<TemporalSegment> proposals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            proposals.add(segment(i, i + 1, 1.0 - i / 1000.0));
        }
        List<LocalizationSample> samples = List.of(new LocalizationSample("v", proposals, List.of(segment(28, 29, 1))));

        ProposalRecallCurve curve = new ProposalRecall(List.of(0.5), OptionalDouble.of(29)).curve(samples);

        assertThat(curve.recall()[0]).containsOnly(0.0);
        assertThat(curve.proposalsPerVideo()[99]).isCloseTo(29.0, within(1e-12));
    }

    @Test
    void comparesInFloat32SoATiouOfSevenTenthsMissesThreshold07() {
        // 0.7 as a double is 0.69999999999999996; the float32 ratio 0.699999988 stays below it.
        List<LocalizationSample> samples = List.of(
                new LocalizationSample("v", List.of(segment(0, 7, 1)), List.of(segment(0, 10, 1))));

        ProposalRecallCurve curve = new ProposalRecall(List.of(0.7, 0.65), OptionalDouble.empty()).curve(samples);

        assertThat(curve.recall()[0][99]).isZero();
        assertThat(curve.recall()[1][99]).isEqualTo(1.0);
    }

    @Test
    void aVideoWithoutProposalsCountsItsTruthAsMissed() {
        List<TemporalSegment> truth = List.of(segment(0, 1, 1));
        List<LocalizationSample> samples = List.of(
                new LocalizationSample("found", truth, truth), new LocalizationSample("missed", List.of(), truth));

        ProposalRecallCurve curve = AVERAGE_BUDGET.curve(samples);

        assertThat(curve.averageRecall()[99]).isEqualTo(0.5);
    }

    @Test
    void refusesInputWithoutTruthOrProposals() {
        assertThatThrownBy(() -> AVERAGE_BUDGET.curve(List.of(new LocalizationSample("v", List.of(segment(0, 1, 1)),
                List.of())))).hasMessageContaining("no ground-truth segments");
        assertThatThrownBy(() -> AVERAGE_BUDGET.curve(List.of(new LocalizationSample("v", List.of(),
                List.of(segment(0, 1, 1)))))).hasMessageContaining("no proposals");
    }

    private static TemporalSegment segment(double start, double end, double score) {
        return new TemporalSegment(start, end, -1, score);
    }
}
