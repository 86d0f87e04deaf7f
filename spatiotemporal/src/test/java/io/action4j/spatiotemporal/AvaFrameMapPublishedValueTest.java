package io.action4j.spatiotemporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.metric.DetectionSample;
import io.action4j.api.metric.MetricResult;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaExclusionsReader;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.ava.AvaSamples;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import io.action4j.spatiotemporal.metric.AvaFrameMap;
import io.action4j.spatiotemporal.metric.AvaFrameMapConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values MMAction2 v1.2.0's {@code ava_eval} gives on its own test data. */
class AvaFrameMapPublishedValueTest {

    @Test
    void predictionsAgainstGroundTruthGiveThePublishedMap() throws IOException {
        MetricResult result = evaluate("eval_detection", "gt.csv", "pred.csv", null);

        assertThat(result.get("mAP@0.5")).isCloseTo(0.09385522, within(1e-6));
        assertThat(result.get("AP/2")).isZero();
        assertThat(result.get("AP/3")).isCloseTo(1.0 / 9, within(1e-9));
        assertThat(result.values().keySet()).containsExactly("mAP@0.5", "AP/1", "AP/2", "AP/3");
    }

    /** Excluded keyframes lose their predictions, but their ground truth still counts (as in MMAction2). */
    @Test
    void excludedKeyframesKeepTheirGroundTruthInTheTotals() throws IOException {
        MetricResult result = evaluate("ava_dataset", "ava_sample.csv", "ava_sample.csv",
                "ava_excluded_timestamps_sample.csv");

        assertThat(result.get("mAP@0.5")).isCloseTo(0.6111111, within(1e-6));
        assertThat(result.get("AP/12")).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(result.get("AP/17")).isCloseTo(0.5, within(1e-9));
        assertThat(result.get("AP/79")).isCloseTo(1.0, within(1e-9));
    }

    private static MetricResult evaluate(String folder, String truthFile, String predictionFile, String exclusionFile)
            throws IOException {
        Path truth = Fixtures.file(folder, truthFile);
        Path predictions = Fixtures.file(folder, predictionFile);
        Path labelMap = Fixtures.file(folder, "action_list.txt");
        Set<KeyframeKey> excluded = exclusionFile == null
                ? Set.of() : AvaExclusionsReader.read(Fixtures.file(folder, exclusionFile));
        List<DetectionSample> samples = AvaSamples.of(AvaCsvReader.read(truth), AvaCsvReader.read(predictions), excluded);
        AvaFrameMapConfig config = AvaFrameMapConfig.defaults()
                .withClassIds(AvaLabelMapReader.classIds(AvaLabelMapReader.read(labelMap)));
        return new AvaFrameMap(config).evaluate(samples);
    }
}
