package io.action4j.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.NumpySum;
import io.action4j.api.metric.RecognitionSample;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@code acc} with {@code expected_metrics.json}, written by
 * {@code generate_expected_metrics.py} from MMAction2 v1.2.0's numpy arithmetic: every value must
 * be equal, not merely close.
 */
class ExpectedMetricsTableTest {

    private static final String FIXTURE = "/expected_metrics.json";

    static Stream<Named<JsonNode>> singleLabelCases() throws IOException {
        return cases("single_label");
    }

    static Stream<Named<JsonNode>> multiLabelCases() throws IOException {
        return cases("multi_label");
    }

    @Test
    void fixtureCoversTiesLargeKAndBothKinds() throws IOException {
        JsonNode fixture = readFixture();
        assertThat(singleLabelCases().count()).isGreaterThanOrEqualTo(20);
        assertThat(multiLabelCases().count()).isGreaterThanOrEqualTo(8);
        assertThat(singleLabelCases().filter(c -> !c.getPayload().get("checkTopK").asBoolean())).isNotEmpty();
        assertThat(multiLabelCases().filter(c -> c.getPayload().get("mmitMeanAveragePrecision").isNull())).isNotEmpty();
        assertThat(fixture.get("mmaction2").asText()).startsWith("v1.2.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleLabelCases")
    void singleLabelValuesEqualMmaction2s(JsonNode expected) {
        List<Integer> topk = new ArrayList<>();
        expected.get("topk").forEach(k -> topk.add(k.asInt()));
        boolean checkTopK = expected.get("checkTopK").asBoolean();
        List<String> metrics = checkTopK
                ? List.of(AccMetricConfig.TOP_K_ACCURACY, AccMetricConfig.MEAN_CLASS_ACCURACY)
                : List.of(AccMetricConfig.MEAN_CLASS_ACCURACY);

        MetricResult result = new AccMetric(new AccMetricConfig(metrics, topk)).evaluate(samples(expected));

        Map<String, Double> want = new LinkedHashMap<>();
        if (checkTopK) {
            for (int i = 0; i < topk.size(); i++) {
                want.put("acc/top" + topk.get(i), expected.get("topKAccuracy").get(i).asDouble());
            }
        }
        want.put("acc/mean1", expected.get("meanClassAccuracy").asDouble());
        for (JsonNode cell : expected.get("confusionCells")) {
            want.put("acc/confusion/" + cell.get(0).asInt() + "/" + cell.get(1).asInt(), cell.get(2).asDouble());
        }
        // Same names, same order, bit-identical doubles.
        assertThat(result.values()).containsExactlyEntriesOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiLabelCases")
    void multiLabelValuesEqualMmaction2s(JsonNode expected) {
        AccMetricConfig config = new AccMetricConfig(List.of(AccMetricConfig.MEAN_AVERAGE_PRECISION,
                AccMetricConfig.MMIT_MEAN_AVERAGE_PRECISION), List.of(1));

        MetricResult result = new AccMetric(config).evaluate(samples(expected));

        assertThat(result.values().keySet())
                .containsExactly("acc/mean_average_precision", "acc/mmit_mean_average_precision");
        // Double.equals: bit-identical, and NaN equals NaN.
        assertThat(Double.valueOf(result.get("acc/mean_average_precision")))
                .isEqualTo(orNaN(expected.get("meanAveragePrecision")));
        assertThat(Double.valueOf(result.get("acc/mmit_mean_average_precision")))
                .isEqualTo(orNaN(expected.get("mmitMeanAveragePrecision")));
    }

    @Test
    void sumsAndMeansEqualNumpysPairwiseSummation() throws IOException {
        int differFromLeftToRight = 0;
        for (JsonNode expected : readFixture().get("numpySums")) {
            int length = expected.get("length").asInt();
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = ((i * 7919) % 1009) / 997.0;
            }

            assertThat(NumpySum.sum(values)).as("length %d", length).isEqualTo(expected.get("sum").asDouble());
            assertThat(NumpySum.mean(values)).as("length %d", length).isEqualTo(expected.get("mean").asDouble());
            if (expected.get("sum").asDouble() != expected.get("leftToRight").asDouble()) {
                differFromLeftToRight++;
            }
        }
        assertThat(differFromLeftToRight).as("lengths where a plain loop would be off in the last bits").isPositive();
    }

    private static Double orNaN(JsonNode value) {
        return value.isNull() ? Double.NaN : value.asDouble();
    }

    private static List<RecognitionSample> samples(JsonNode expected) {
        List<RecognitionSample> samples = new ArrayList<>();
        JsonNode scores = expected.get("scores");
        JsonNode labels = expected.get("labels");
        for (int i = 0; i < scores.size(); i++) {
            float[] row = new float[scores.get(i).size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = scores.get(i).get(c).floatValue();
            }
            JsonNode label = labels.get(i);
            int[] own = label.isArray() ? new int[label.size()] : new int[] {label.asInt()};
            for (int j = 0; label.isArray() && j < own.length; j++) {
                own[j] = label.get(j).asInt();
            }
            samples.add(new RecognitionSample("video" + i, row, own));
        }
        return samples;
    }

    private static Stream<Named<JsonNode>> cases(String kind) throws IOException {
        List<Named<JsonNode>> cases = new ArrayList<>();
        for (JsonNode node : readFixture().get("cases")) {
            if (node.get("kind").asText().equals(kind)) {
                cases.add(Named.of(node.get("name").asText(), node));
            }
        }
        return cases.stream();
    }

    private static JsonNode readFixture() throws IOException {
        try (InputStream in = ExpectedMetricsTableTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE + " on the test class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
