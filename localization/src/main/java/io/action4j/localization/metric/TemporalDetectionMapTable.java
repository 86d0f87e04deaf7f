package io.action4j.localization.metric;

import io.action4j.api.metric.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of ActivityNet temporal detection: MMAction2's {@code ap} (per class and
 * threshold), {@code mAP} (per threshold) and {@code average_mAP}.
 *
 * @param apByClass per class index with ground truth, in index order: the AP at each threshold
 */
public record TemporalDetectionMapTable(List<Double> tiouThresholds, Map<Integer, double[]> apByClass,
        double[] mapPerThreshold, double averageMap) {

    public TemporalDetectionMapTable {
        tiouThresholds = List.copyOf(tiouThresholds);
        apByClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apByClass));
    }

    /** {@code mAP@0.50 ... average_mAP}, the scalar values a {@link io.action4j.api.metric.Metric} reports. */
    public MetricResult toMetricResult() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int t = 0; t < tiouThresholds.size(); t++) {
            values.put(TemporalDetectionMap.valueName(tiouThresholds.get(t)), mapPerThreshold[t]);
        }
        values.put("average_mAP", averageMap);
        return new MetricResult(values);
    }

    /** The mean of a class's AP over the thresholds. */
    public double averageAp(int classIndex) {
        double[] ap = apByClass.get(classIndex);
        if (ap == null) {
            throw new IllegalArgumentException("class " + classIndex + " has no ground truth; have "
                    + apByClass.keySet());
        }
        double sum = 0;
        for (double value : ap) {
            sum += value;
        }
        return sum / ap.length;
    }
}
