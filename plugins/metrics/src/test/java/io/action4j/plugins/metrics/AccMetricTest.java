package io.action4j.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases, the arithmetic in the comments. */
class AccMetricTest {

    private static final AccMetric DEFAULT = new AccMetric(AccMetricConfig.DEFAULTS);

    /*
     * 4 classes, 4 videos ("argmax" = the prediction, ties to the lowest index):
     *   v0 [0.1, 0.7, 0.2, 0.0] label 1   argmax 1 (hit)
     *   v1 [0.5, 0.5, 0.0, 0.0] label 1   tie 0/1: argmax 0 (miss); ranking 0, 1, 2, 3
     *   v2 [0.3, 0.3, 0.3, 0.1] label 2   three-way tie: argmax 0 (miss); ranking 0, 1, 2, 3
     *   v3 [0.0, 0.1, 0.2, 0.9] label 0   argmax 3 (miss); label 0 ranks last (3 classes ahead)
     * Class 2 is only a label (never predicted); class 3 is only a prediction (never a label).
     */
    private static final List<RecognitionSample> TIES = List.of(
            sample("v0", new float[] {0.1f, 0.7f, 0.2f, 0.0f}, 1),
            sample("v1", new float[] {0.5f, 0.5f, 0.0f, 0.0f}, 1),
            sample("v2", new float[] {0.3f, 0.3f, 0.3f, 0.1f}, 2),
            sample("v3", new float[] {0.0f, 0.1f, 0.2f, 0.9f}, 0));

    @Test
    void topKBreaksTiesTowardsTheLowestIndexAndCountsEveryClassWhenKExceedsThem() {
        AccMetric metric = new AccMetric(new AccMetricConfig(List.of("top_k_accuracy"), List.of(1, 2, 3, 4, 5)));

        MetricResult result = metric.evaluate(TIES);

        // top1: v0 only                                          = 1/4
        //   (MMAction2's stable-for-small-arrays argsort would put class 1 first for v1 and count it: 2/4)
        // top2: v0, v1 ({0, 1} holds 1); v2's {0, 1} misses 2    = 2/4
        // top3: v0, v1, v2 ({0, 1, 2}); v3 has 3 classes ahead   = 3/4
        // top4 and top5 (k >= 4 classes): every video            = 4/4
        assertThat(result.values()).containsExactly(
                entry("acc/top1", 0.25), entry("acc/top2", 0.5), entry("acc/top3", 0.75),
                entry("acc/top4", 1.0), entry("acc/top5", 1.0));
    }

    @Test
    void meanClassAccuracyAveragesOverClassesInLabelsOrPredictionsWithOnlyPredictedOnesAsZero() {
        MetricResult result = DEFAULT.evaluate(TIES);

        // predictions [1, 0, 0, 3], labels [1, 1, 2, 0]; union {0, 1, 2, 3}
        // confusion (rows true, columns predicted):
        //   true 0: predicted 3 once          -> 0/1
        //   true 1: predicted 1 once, 0 once  -> 1/2
        //   true 2: predicted 0 once          -> 0/1
        //   true 3: no samples (only predicted) -> 0 (MMAction2: "hit / cnt if cnt else 0.0")
        // mean1 = (0 + 0.5 + 0 + 0) / 4 = 0.125 (not 0.5 / 3 over the labelled classes)
        assertThat(result.get("acc/mean1")).isEqualTo(0.125);
        assertThat(result.values()).containsExactly(
                entry("acc/top1", 0.25), entry("acc/top5", 1.0), entry("acc/mean1", 0.125),
                entry("acc/confusion/0/3", 1.0), entry("acc/confusion/1/0", 1.0), entry("acc/confusion/1/1", 1.0),
                entry("acc/confusion/2/0", 1.0));
    }

    @Test
    void confusionMatrixCoversOnlyClassesThatOccur() {
        // 10 scored classes, but only 2 and 7 occur: predictions [2, 7, 7], labels [2, 2, 7]
        // class 2: 1/2, class 7: 1/1 -> mean1 = (0.5 + 1) / 2 = 0.75 (over all 10 classes it would be 0.15)
        List<RecognitionSample> samples = List.of(
                sample("a", oneHot(10, 2), 2), sample("b", oneHot(10, 7), 2), sample("c", oneHot(10, 7), 7));

        MetricResult result = new AccMetric(new AccMetricConfig(List.of("mean_class_accuracy"), List.of(1)))
                .evaluate(samples);

        assertThat(result.values()).containsExactly(entry("acc/mean1", 0.75),
                entry("acc/confusion/2/2", 1.0), entry("acc/confusion/2/7", 1.0), entry("acc/confusion/7/7", 1.0));
    }

    @Test
    void argmaxTakesTheFirstMaximum() {
        assertThat(ConfusionMatrix.argmax(new float[] {1f, 3f, 3f, 2f})).isEqualTo(1);
        assertThat(ConfusionMatrix.argmax(new float[] {-1f, -1f})).isZero();
    }

    @Test
    void binaryAveragePrecisionFollowsThePrecisionRecallSteps() {
        // sorted scores 0.9 (T) 0.8 (F) 0.7 (T) 0.6 (F): tps [1, 1, 2, 2], precision [1, 1/2, 2/3, 1/2],
        // recall [1/2, 1/2, 1, 1]; cut at the first full recall (index 2), reversed and closed with (1, 0):
        // AP = (1 - 1/2) * 2/3 + (1/2 - 1/2) * 1/2 + (1/2 - 0) * 1 = 1/3 + 1/2
        assertThat(AveragePrecision.binary(new float[] {0.9f, 0.8f, 0.7f, 0.6f}, new boolean[] {true, false, true, false}))
                .isCloseTo(1.0 / 3 + 1.0 / 2, within(1e-15));
        // equal scores are one threshold: 0.9 (F) | 0.5 (T), 0.5 (F) | 0.1 (T): tps [0, 1, 2] at 1, 3, 4 predicted
        // AP = 1/2 * 1/3 (recall 1/2 reached at precision 1/3) + 1/2 * 2/4 = 5/12
        assertThat(AveragePrecision.binary(new float[] {0.9f, 0.5f, 0.5f, 0.1f}, new boolean[] {false, true, false, true}))
                .isCloseTo(5.0 / 12, within(1e-15));
        assertThat(AveragePrecision.binary(new float[] {0.9f, 0.5f}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void multiLabelMeanAveragePrecisionOverClassesAndOverSamples() {
        // v0 [0.9, 0.2] labels {0, 1}; v1 [0.4, 0.8] labels {1}; v2 [0.1, 0.9] labels {0}
        List<RecognitionSample> samples = List.of(
                new RecognitionSample("v0", new float[] {0.9f, 0.2f}, new int[] {0, 1}),
                new RecognitionSample("v1", new float[] {0.4f, 0.8f}, new int[] {1}),
                new RecognitionSample("v2", new float[] {0.1f, 0.9f}, new int[] {0}));
        AccMetric metric = new AccMetric(new AccMetricConfig(
                List.of("mean_average_precision", "mmit_mean_average_precision"), List.of(1)));

        MetricResult result = metric.evaluate(samples);

        // class 0: 0.9 T, 0.4 F, 0.1 T -> AP = 1/2 * 1 + 1/2 * 2/3 = 5/6
        // class 1: 0.9 F, 0.8 T, 0.2 T -> AP = 1/2 * 1/2 + 1/2 * 2/3 = 7/12
        // mean_average_precision = (5/6 + 7/12) / 2 = 17/24
        assertThat(result.get("acc/mean_average_precision")).isCloseTo(17.0 / 24, within(1e-15));
        // per video: v0 both positive -> 1; v1 0.8 T, 0.4 F -> 1; v2 0.9 F, 0.1 T -> 1/2; mean = 2.5 / 3
        assertThat(result.get("acc/mmit_mean_average_precision")).isCloseTo(2.5 / 3, within(1e-15));
    }

    @Test
    void multiLabelSamplesAreRefusedBySingleLabelMetricsNamingTheVideoAndTheAlternative() {
        List<RecognitionSample> samples = List.of(sample("a.mp4", new float[] {1f, 0f}, 0),
                new RecognitionSample("b.mp4", new float[] {0f, 1f}, new int[] {0, 1}));

        assertThatThrownBy(() -> DEFAULT.evaluate(samples))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video 'b.mp4' has 2 labels [0, 1]")
                .hasMessageContaining("use metricList [mean_average_precision]");
    }

    @Test
    void inputsMmaction2WouldMisreadAreRefused() {
        assertThatThrownBy(() -> DEFAULT.evaluate(List.of()))
                .hasMessage("no samples to evaluate");
        assertThatThrownBy(() -> DEFAULT.evaluate(List.of(sample("a", new float[] {1f, 0f}, 0),
                sample("b", new float[] {1f, 0f, 0f}, 0))))
                .hasMessage("video 'b' has 3 class scores, video 'a' has 2");
        assertThatThrownBy(() -> DEFAULT.evaluate(List.of(sample("a", new float[] {Float.NaN, 0f}, 0))))
                .hasMessage("video 'a': the score of class 0 is NaN");
        assertThatThrownBy(() -> DEFAULT.evaluate(List.of(sample("a", new float[] {1f, 0f}, 2))))
                .hasMessage("video 'a': label 2 is outside the 2 scored classes [0, 1]");
        assertThatThrownBy(() -> DEFAULT.evaluate(List.of(new RecognitionSample("a", new float[] {1f}, new int[0]))))
                .hasMessageContaining("video 'a' has no label");
    }

    private static RecognitionSample sample(String video, float[] scores, int label) {
        return new RecognitionSample(video, scores, new int[] {label});
    }

    private static float[] oneHot(int classes, int hot) {
        float[] scores = new float[classes];
        scores[hot] = 1f;
        return scores;
    }

    private static java.util.Map.Entry<String, Double> entry(String name, double value) {
        return java.util.Map.entry(name, value);
    }
}
