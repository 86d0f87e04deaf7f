package io.action4j.engine.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.metric.MetricResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTableTest {

    @Test
    void cellsBecomeATableOverTheClassesTheyName() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("acc/top1", 0.25);
        values.put("acc/mean1", 0.125);
        values.put("acc/confusion/0/3", 1.0);
        values.put("acc/confusion/1/0", 2.0);
        values.put("acc/confusion/1/1", 1.0);
        values.put("acc/confusion/7/0", 4.0);
        MetricResult result = new MetricResult(values);

        ConfusionMatrixTable table = ConfusionMatrixTable.from(result).orElseThrow();

        // classes 0, 1, 3, 7: 3 only predicted, 7 only true
        assertThat(table.classes()).containsExactly(0, 1, 3, 7);
        assertThat(table.counts()).isDeepEqualTo(new long[][] {{0, 0, 1, 0}, {2, 1, 0, 0}, {0, 0, 0, 0}, {4, 0, 0, 0}});
        assertThat(table.toCsv()).isEqualTo("true\\predicted,0,1,3,7\n0,0,0,1,0\n1,2,1,0,0\n3,0,0,0,0\n7,4,0,0,0\n");
        assertThat(ConfusionMatrixTable.scalars(result)).containsExactly(Map.entry("acc/top1", 0.25),
                Map.entry("acc/mean1", 0.125));
    }

    @Test
    void aResultWithoutCellsHasNoTable() {
        assertThat(ConfusionMatrixTable.from(new MetricResult(Map.of("acc/top1", 1.0)))).isEmpty();
    }
}
