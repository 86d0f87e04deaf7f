package io.action4j.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.MetricResult;
import io.action4j.localization.activitynet.ActivityNetDataset;
import io.action4j.localization.activitynet.ActivityNetFiles;
import io.action4j.localization.metric.TemporalDetectionMap;
import io.action4j.localization.metric.TemporalDetectionMapConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MMAction2's own test data and the values its test_eval_detection publishes for it. */
class ActivityNetPublishedValuesTest {

    private static final double[] MAP_PER_THRESHOLD = {
        0.71428571, 0.71428571, 0.71428571, 0.6875, 0.6875,
        0.59722222, 0.52083333, 0.52083333, 0.52083333, 0.5};
    private static final double AVERAGE_MAP = 0.6177579365079365;
    /** The per-threshold values are published with eight decimals; the average with all of them. */
    private static final double PUBLISHED_DIGITS = 5e-9;

    @Test
    void reproducesThePublishedMap() throws Exception {
        Path folder = SharedFixtures.mmaction2().resolve("tests/data/eval_localization");
        ActivityNetDataset dataset = ActivityNetFiles.read(folder.resolve("gt.json"), folder.resolve("result.json"));
        List<LocalizationSample> samples = dataset.samples();

        MetricResult result = new TemporalDetectionMap(TemporalDetectionMapConfig.defaults().tiouThresholds())
                .evaluate(samples);

        assertThat(result.values().keySet()).containsExactly(
                "mAP@0.50", "mAP@0.55", "mAP@0.60", "mAP@0.65", "mAP@0.70",
                "mAP@0.75", "mAP@0.80", "mAP@0.85", "mAP@0.90", "mAP@0.95", "average_mAP");
        List<Double> perThreshold = List.copyOf(result.values().values()).subList(0, 10);
        for (int t = 0; t < MAP_PER_THRESHOLD.length; t++) {
            assertThat(perThreshold.get(t)).as("threshold %d", t).isCloseTo(MAP_PER_THRESHOLD[t], within(PUBLISHED_DIGITS));
        }
        assertThat(result.get("average_mAP")).isEqualTo(AVERAGE_MAP);
    }

    @Test
    void readsTheFixtureWithMmaction2KeyConventions() throws Exception {
        Path folder = SharedFixtures.mmaction2().resolve("tests/data/eval_localization");

        ActivityNetDataset dataset = ActivityNetFiles.read(folder.resolve("gt.json"), folder.resolve("result.json"));

        assertThat(dataset.classNames()).containsExactly("Wakeboarding", "Cleaning shoes");
        LocalizationSample wakeboarding = dataset.samples().stream()
                .filter(sample -> sample.videoId().equals("bYUmtLBL7W4"))
                .findFirst().orElseThrow();
        assertThat(wakeboarding.groundTruth()).hasSize(3);
        assertThat(wakeboarding.predicted()).isNotEmpty();
        assertThat(wakeboarding.groundTruth().get(0).startSeconds()).isEqualTo(11.553655226209049);
        assertThat(dataset.samples()).noneMatch(sample -> sample.videoId().startsWith("v_"));
    }
}
