package io.action4j.plugins.metrics;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.HashSet;
import java.util.List;

/**
 * Config of {@code acc}, MMAction2's {@code AccMetric(metric_list, metric_options)}.
 *
 * @param metricList what to compute, in the order reported: {@code top_k_accuracy} and
 *                   {@code mean_class_accuracy} (single-label samples), {@code mean_average_precision}
 *                   and {@code mmit_mean_average_precision} (multi-label samples)
 * @param topk the k of each top-k accuracy (MMAction2's {@code metric_options.top_k_accuracy.topk})
 */
public record AccMetricConfig(List<String> metricList, List<Integer> topk) {

    public static final String TOP_K_ACCURACY = "top_k_accuracy";
    public static final String MEAN_CLASS_ACCURACY = "mean_class_accuracy";
    public static final String MEAN_AVERAGE_PRECISION = "mean_average_precision";
    public static final String MMIT_MEAN_AVERAGE_PRECISION = "mmit_mean_average_precision";

    public static final List<String> METRICS =
            List.of(TOP_K_ACCURACY, MEAN_CLASS_ACCURACY, MEAN_AVERAGE_PRECISION, MMIT_MEAN_AVERAGE_PRECISION);

    public static final AccMetricConfig DEFAULTS =
            new AccMetricConfig(List.of(TOP_K_ACCURACY, MEAN_CLASS_ACCURACY), List.of(1, 5));

    public AccMetricConfig {
        ConfigChecks.required("metricList", metricList);
        if (metricList.isEmpty()) {
            throw new ConfigValueException("metricList", "must name at least one of " + METRICS);
        }
        for (String metric : metricList) {
            ConfigChecks.oneOf("metricList", metric, METRICS);
        }
        // Each name is reported once; a repeat would only overwrite its own value.
        if (new HashSet<>(metricList).size() != metricList.size()) {
            throw new ConfigValueException("metricList", "names a metric twice: " + metricList);
        }
        ConfigChecks.required("topk", topk);
        if (topk.isEmpty()) {
            throw new ConfigValueException("topk", "must hold at least one k");
        }
        for (Integer k : topk) {
            if (k == null || k <= 0) {
                throw new ConfigValueException("topk", "must hold positive integers, got " + topk);
            }
        }
        if (new HashSet<>(topk).size() != topk.size()) {
            throw new ConfigValueException("topk", "names a k twice: " + topk);
        }
        metricList = List.copyOf(metricList);
        topk = List.copyOf(topk);
    }
}
