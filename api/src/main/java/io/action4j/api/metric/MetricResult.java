package io.action4j.api.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named values, in the order the metric reports them (e.g. {@code top1_acc}, {@code mAP@0.5}). */
public record MetricResult(Map<String, Double> values) {

    public MetricResult {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value '" + name + "'; have " + values.keySet());
        }
        return value;
    }
}
