package io.action4j.spatiotemporal;

import static io.action4j.spatiotemporal.Detections.detection;
import static io.action4j.spatiotemporal.Detections.frame;
import static io.action4j.spatiotemporal.Detections.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.metric.MetricResult;
import io.action4j.spatiotemporal.metric.AvaFrameMap;
import io.action4j.spatiotemporal.metric.AvaFrameMapConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the reference's matching rules. */
class AvaFrameMapTest {

    private static final NormalizedBox LEFT = new NormalizedBox(0.0f, 0.0f, 0.4f, 1.0f);
    private static final NormalizedBox RIGHT = new NormalizedBox(0.6f, 0.0f, 1.0f, 1.0f);
    private static final NormalizedBox NEARLY_LEFT = new NormalizedBox(0.0f, 0.0f, 0.38f, 1.0f);

    private final AvaFrameMap metric = new AvaFrameMap(AvaFrameMapConfig.defaults());

    @Test
    void perfectDetectionsScoreOne() {
        MetricResult result = metric.evaluate(List.of(
                frame(1, List.of(detection(1, LEFT, 1, 0.9f), detection(1, RIGHT, 2, 0.8f)),
                        List.of(truth(1, LEFT, 1), truth(1, RIGHT, 2))),
                frame(2, List.of(detection(2, RIGHT, 1, 0.7f)), List.of(truth(2, RIGHT, 1)))));

        assertThat(result.values()).containsExactly(
                java.util.Map.entry("mAP@0.5", 1.0), java.util.Map.entry("AP/1", 1.0), java.util.Map.entry("AP/2", 1.0));
    }

    /**
     * Both detections overlap LEFT most; the better one takes it, the second is a false positive
     * even though RIGHT is free (no fall-back to the next-best box). Ranked TP, FP against 2 truths:
     * precision 1 at recall 0.5, so AP = 0.5.
     */
    @Test
    void aSecondDetectionOnAnAlreadyMatchedBoxIsAFalsePositive() {
        MetricResult result = metric.evaluate(List.of(frame(1,
                List.of(detection(1, NEARLY_LEFT, 1, 0.6f), detection(1, LEFT, 1, 0.9f)),
                List.of(truth(1, LEFT, 1), truth(1, RIGHT, 1)))));

        assertThat(result.get("AP/1")).isCloseTo(0.5, within(1e-12));
    }

    /** Ranked FP (0.9), TP (0.5) against one truth: precision 1/2 at recall 1. */
    @Test
    void aLowOverlapDetectionIsAFalsePositive() {
        MetricResult result = metric.evaluate(List.of(frame(1,
                List.of(detection(1, RIGHT, 1, 0.9f), detection(1, LEFT, 1, 0.5f)),
                List.of(truth(1, LEFT, 1)))));

        assertThat(result.get("mAP@0.5")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void detectionsOnAFrameWithoutGroundTruthAreIgnored() {
        MetricResult result = metric.evaluate(List.of(
                frame(1, List.of(detection(1, LEFT, 1, 0.5f)), List.of(truth(1, LEFT, 1))),
                frame(2, List.of(detection(2, RIGHT, 1, 0.99f)), List.of())));

        assertThat(result.get("AP/1")).isEqualTo(1.0);
    }

    @Test
    void aClassWithGroundTruthButNoDetectionsIsLeftOutOfTheMean() {
        MetricResult result = metric.evaluate(List.of(frame(1,
                List.of(detection(1, LEFT, 1, 0.5f)),
                List.of(truth(1, LEFT, 1), truth(1, RIGHT, 2)))));

        assertThat(result.get("mAP@0.5")).isEqualTo(1.0);
        assertThat(result.values()).doesNotContainKey("AP/2");
    }

    /** Class 2 is detected on a frame that has ground truth of class 1 only: all false positives, no AP. */
    @Test
    void aClassWithDetectionsButNoGroundTruthIsSkipped() {
        MetricResult result = metric.evaluate(List.of(frame(1,
                List.of(detection(1, LEFT, 1, 0.5f), detection(1, LEFT, 2, 0.9f)),
                List.of(truth(1, LEFT, 1)))));

        assertThat(result.get("mAP@0.5")).isEqualTo(1.0);
        assertThat(result.values()).doesNotContainKey("AP/2");
    }

    @Test
    void classesOutsideTheListAreNotEvaluated() {
        AvaFrameMap onlyClassOne = new AvaFrameMap(AvaFrameMapConfig.defaults().withClassIds(List.of(1)));

        MetricResult result = onlyClassOne.evaluate(List.of(frame(1,
                List.of(detection(1, LEFT, 1, 0.5f), detection(1, RIGHT, 2, 0.9f)),
                List.of(truth(1, LEFT, 1), truth(1, LEFT, 2)))));

        assertThat(result.values().keySet()).containsExactly("mAP@0.5", "AP/1");
    }

    @Test
    void theResultNameFollowsTheThreshold() {
        AvaFrameMap strict = new AvaFrameMap(new AvaFrameMapConfig(0.75, List.of()));

        MetricResult result = strict.evaluate(List.of(frame(1, List.of(detection(1, LEFT, 1, 0.5f)),
                List.of(truth(1, LEFT, 1)))));

        assertThat(result.get("mAP@0.75")).isEqualTo(1.0);
    }
}
