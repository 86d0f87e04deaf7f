package io.action4j.engine.recognition;

import io.action4j.api.metric.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The confusion matrix a recognition metric reports among its values: the {@code acc} metric writes one
 * value per non-zero cell, {@code acc/confusion/<true class>/<predicted class>} = count, over the classes
 * that occur as a label or a prediction (MMAction2's {@code confusion_matrix}). This turns the cells back
 * into a table and separates them from the scalar values.
 *
 * @param classes the classes of the rows (true) and columns (predicted), ascending
 * @param counts {@code counts[i][j]}: videos of class {@code classes[i]} predicted as {@code classes[j]}
 */
public record ConfusionMatrixTable(List<Integer> classes, long[][] counts) {

    /** The prefix of {@code acc}'s cells (its {@code AccMetric.CONFUSION_PREFIX}). */
    public static final String CELL_PREFIX = "acc/confusion/";

    public ConfusionMatrixTable {
        classes = List.copyOf(classes);
    }

    /** The matrix among a result's values, if it has one. */
    public static Optional<ConfusionMatrixTable> from(MetricResult result) {
        Map<Integer, Map<Integer, Long>> rows = new TreeMap<>();
        TreeSet<Integer> classes = new TreeSet<>();
        for (Map.Entry<String, Double> value : result.values().entrySet()) {
            if (isCell(value.getKey())) {
                String[] parts = value.getKey().substring(CELL_PREFIX.length()).split("/");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not a confusion cell '<true>/<predicted>': " + value.getKey());
                }
                int truth = Integer.parseInt(parts[0]);
                int predicted = Integer.parseInt(parts[1]);
                classes.add(truth);
                classes.add(predicted);
                rows.computeIfAbsent(truth, row -> new TreeMap<>()).put(predicted, value.getValue().longValue());
            }
        }
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> ordered = new ArrayList<>(classes);
        long[][] counts = new long[ordered.size()][ordered.size()];
        rows.forEach((truth, row) -> row.forEach((predicted, count) ->
                counts[ordered.indexOf(truth)][ordered.indexOf(predicted)] = count));
        return Optional.of(new ConfusionMatrixTable(ordered, counts));
    }

    public static boolean isCell(String valueName) {
        return valueName.startsWith(CELL_PREFIX);
    }

    /** The values that are not confusion cells (accuracies, means), in the metric's order. */
    public static Map<String, Double> scalars(MetricResult result) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        result.values().forEach((name, value) -> {
            if (!isCell(name)) {
                scalars.put(name, value);
            }
        });
        return scalars;
    }

    /** CSV: a header {@code true\predicted,<class>,...}, then one row per true class. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("true\\predicted");
        classes.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (int row = 0; row < classes.size(); row++) {
            csv.append(classes.get(row));
            for (long count : counts[row]) {
                csv.append(',').append(count);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
