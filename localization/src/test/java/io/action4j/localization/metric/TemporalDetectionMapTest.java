package io.action4j.localization.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.result.TemporalSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small cases worked out by hand (and checked against MMAction2 v1.2.0's code). */
class TemporalDetectionMapTest {

    private static final TemporalDetectionMap DEFAULT_THRESHOLDS =
            new TemporalDetectionMap(TemporalDetectionMapConfig.defaults().tiouThresholds());

    private static TemporalSegment truth(double start, double end, int label) {
        return new TemporalSegment(start, end, label, 1.0);
    }

    private static TemporalSegment detection(double start, double end, int label, double score) {
        return new TemporalSegment(start, end, label, score);
    }

    private static LocalizationSample video(String id, List<TemporalSegment> predicted, List<TemporalSegment> truth) {
        return new LocalizationSample(id, predicted, truth);
    }

    @Test
    void aPerfectPredictionScoresOneEverywhere() {
        MetricResult result = DEFAULT_THRESHOLDS.evaluate(List.of(
                video("a", List.of(detection(10, 20, 0, 0.9)), List.of(truth(10, 20, 0)))));

        assertThat(result.values()).hasSize(11);
        assertThat(result.values().values()).allSatisfy(value -> assertThat(value).isEqualTo(1.0));
    }

    @Test
    void aDuplicateDetectionIsAFalsePositive() {
        // Ranked: hit A, duplicate of A (false positive), hit B. Precision 1, 1/2, 2/3 at recall
        // 1/2, 1/2, 1: AP = 1/2 * 1 + 1/2 * 2/3 = 5/6.
        MetricResult result = DEFAULT_THRESHOLDS.evaluate(List.of(video("a",
                List.of(detection(0, 10, 0, 0.9), detection(0, 10, 0, 0.8), detection(20, 30, 0, 0.7)),
                List.of(truth(0, 10, 0), truth(20, 30, 0)))));

        assertThat(result.get("mAP@0.50")).isCloseTo(5.0 / 6.0, within(1e-12));
        assertThat(result.get("average_mAP")).isCloseTo(5.0 / 6.0, within(1e-12));
    }

    @Test
    void aDetectionFallsBackToTheNextBestUnmatchedTruth() {
        // Both detections overlap A fully (tIoU 1) and B by 10/12. The first takes A; the second
        // falls back to B, which is good enough at 0.5 but not at 0.9.
        TemporalDetectionMap metric = new TemporalDetectionMap(List.of(0.5, 0.9));

        MetricResult result = metric.evaluate(List.of(video("a",
                List.of(detection(0, 10, 0, 0.9), detection(0, 10, 0, 0.8)),
                List.of(truth(0, 10, 0), truth(0, 12, 0)))));

        assertThat(result.get("mAP@0.50")).isEqualTo(1.0);
        assertThat(result.get("mAP@0.90")).isEqualTo(0.5);
        assertThat(result.get("average_mAP")).isEqualTo(0.75);
    }

    @Test
    void aTiouOfSevenTenthsFailsASevenTenthsThresholdInFloat32() {
        // 7 / 10 is 0.7 in double, but MMAction2 keeps tIoU as float32, where it is 0.69999999.
        assertThat(7.0 / 10.0).isEqualTo(0.7);
        assertThat((double) (float) 0.7).isLessThan(0.7);

        MetricResult result = DEFAULT_THRESHOLDS.evaluate(List.of(
                video("a", List.of(detection(0, 7, 0, 0.9)), List.of(truth(0, 10, 0)))));

        assertThat(result.get("mAP@0.65")).isEqualTo(1.0);
        assertThat(result.get("mAP@0.70")).isEqualTo(0.0);
        assertThat(result.get("average_mAP")).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void float32RoundingCanAlsoLiftATiouOverTheThreshold() {
        // 0.5499999999 < 0.55 in double, but it rounds to the float32 0.55000001.
        MetricResult result = DEFAULT_THRESHOLDS.evaluate(List.of(
                video("a", List.of(detection(0, 5.499999999, 0, 0.9)), List.of(truth(0, 10, 0)))));

        assertThat(result.get("mAP@0.55")).isEqualTo(1.0);
        assertThat(result.get("mAP@0.60")).isEqualTo(0.0);
    }

    @Test
    void aClassWithTruthButNoDetectionsCountsAsZero() {
        MetricResult result = DEFAULT_THRESHOLDS.evaluate(List.of(video("a",
                List.of(detection(0, 10, 0, 0.9)),
                List.of(truth(0, 10, 0), truth(0, 10, 1)))));

        assertThat(result.get("mAP@0.50")).isEqualTo(0.5);
        assertThat(result.get("average_mAP")).isEqualTo(0.5);
    }

    @Test
    void detectionsInVideosWithoutThatClassAreFalsePositivesAndUnknownClassesAreIgnored() {
        // The higher-scored detection is in a video with no truth: precision 1/2 at recall 1.
        TemporalDetectionMap metric = new TemporalDetectionMap(List.of(0.5));

        MetricResult result = metric.evaluate(List.of(
                video("b", List.of(detection(0, 10, 0, 0.9), detection(0, 10, 7, 0.95)), List.of()),
                video("a", List.of(detection(0, 10, 0, 0.8)), List.of(truth(0, 10, 0)))));

        assertThat(result.get("mAP@0.50")).isEqualTo(0.5);
    }

    @Test
    void noGroundTruthAtAllIsAnError() {
        assertThatThrownBy(() -> DEFAULT_THRESHOLDS.evaluate(List.of(
                video("a", List.of(detection(0, 10, 0, 0.9)), List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ground-truth segments");
    }
}
