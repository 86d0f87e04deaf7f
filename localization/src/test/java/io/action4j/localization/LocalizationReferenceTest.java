package io.action4j.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.localization.activitynet.ActivityNetDataset;
import io.action4j.localization.activitynet.ActivityNetFiles;
import io.action4j.localization.metric.ProposalRecall;
import io.action4j.localization.metric.ProposalRecallCurve;
import io.action4j.localization.metric.TemporalDetectionMap;
import io.action4j.localization.metric.TemporalDetectionMapTable;
import io.action4j.localization.metric.TiouThresholds;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Every figure of both localization metrics against MMAction2 v1.2.0's own functions on its own
 * test data ({@code reference/metric_reference.json}, made by {@code make_metric_reference.py}).
 */
class LocalizationReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void proposalRecallMatchesMmaction2AtEachBudget() throws Exception {
        Path folder = SharedFixtures.mmaction2().resolve("tests/data/eval_localization");
        ActivityNetDataset dataset = ActivityNetFiles.readProposals(folder.resolve("gt.json"),
                folder.resolve("result.json"));

        for (JsonNode expected : reference().get("proposals")) {
            JsonNode budget = expected.get("max_avg_proposals");
            OptionalDouble maxAvg = budget.isNull() ? OptionalDouble.empty() : OptionalDouble.of(budget.asDouble());
            ProposalRecall metric = new ProposalRecall(
                    TiouThresholds.activityNet(), maxAvg);

            ProposalRecallCurve curve = metric.curve(dataset.samples());

            String as = "max_avg_proposals " + budget;
            assertThat(curve.auc()).as(as).isCloseTo(expected.get("auc").asDouble(), within(TOLERANCE));
            for (int percent : new int[] {1, 5, 10, 100}) {
                assertThat(curve.averageRecallAt(percent)).as(as + " AR@" + percent)
                        .isCloseTo(expected.get("AR@" + percent).asDouble(), within(TOLERANCE));
            }
            assertThat(curve.averageRecall()).as(as).containsExactly(doubles(expected.get("average_recall")),
                    within(TOLERANCE));
            assertThat(curve.proposalsPerVideo()).as(as).containsExactly(
                    doubles(expected.get("proposals_per_video")), within(TOLERANCE));
        }
    }

    @Test
    void detectionMapMatchesMmaction2PerClassAndThreshold() throws Exception {
        Path folder = SharedFixtures.mmaction2().resolve("tests/data/eval_localization");
        ActivityNetDataset dataset = ActivityNetFiles.read(folder.resolve("gt.json"), folder.resolve("result.json"));

        for (JsonNode expected : reference().get("detection")) {
            List<Double> thresholds = List.of(boxed(doubles(expected.get("tiou_thresholds"))));

            TemporalDetectionMapTable table = new TemporalDetectionMap(thresholds).table(dataset.samples());

            assertThat(table.mapPerThreshold()).containsExactly(doubles(expected.get("mAP")), within(TOLERANCE));
            assertThat(table.averageMap()).isCloseTo(expected.get("average_mAP").asDouble(), within(TOLERANCE));
            JsonNode ap = expected.get("ap");
            for (int c = 0; c < dataset.classNames().size(); c++) {
                for (int t = 0; t < thresholds.size(); t++) {
                    assertThat(table.apByClass().get(c)[t]).as("class %s at %s", dataset.classNames().get(c),
                            thresholds.get(t)).isCloseTo(ap.get(t).get(c).asDouble(), within(TOLERANCE));
                }
            }
        }
    }

    private static JsonNode reference() throws Exception {
        try (InputStream in = LocalizationReferenceTest.class.getResourceAsStream("/reference/metric_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
