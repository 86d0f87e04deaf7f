package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.metric.MetricResult;
import io.action4j.engine.recognition.ConfusionMatrixTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Recognition metrics as a command prints and saves them: a table, JSON, the confusion matrix as CSV. */
final class RecognitionReport {

    private static final int CLASSES_SHOWN = 20;

    private final MetricResult result;
    private final int samples;
    private final Map<String, Double> scalars;
    private final Optional<ConfusionMatrixTable> confusion;

    RecognitionReport(MetricResult result, int samples) {
        this.result = result;
        this.samples = samples;
        this.scalars = ConfusionMatrixTable.scalars(result);
        this.confusion = ConfusionMatrixTable.from(result);
    }

    MetricResult result() {
        return result;
    }

    Optional<ConfusionMatrixTable> confusion() {
        return confusion;
    }

    void print(PrintWriter out) {
        out.println("videos: " + samples);
        int width = Math.max("metric".length(), scalars.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf("%-" + width + "s  %s%n", "metric", "value");
        scalars.forEach((name, value) -> out.printf("%-" + width + "s  %.4f%n", name, value));
        confusion.ifPresent(table -> {
            String classes = table.classes().stream().limit(CLASSES_SHOWN).map(String::valueOf)
                    .collect(Collectors.joining(" "));
            out.println("confusion matrix: " + table.classes().size() + " classes in labels or predictions ("
                    + classes + (table.classes().size() > CLASSES_SHOWN ? " ..." : "") + ")");
        });
        out.flush();
    }

    /** {@code {"videos": N, "metrics": {...}, "confusionMatrix": {"classes": [...], "counts": [[...]]}}}, values exact. */
    ObjectNode toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode().put("videos", samples);
        ObjectNode metrics = json.putObject("metrics");
        scalars.forEach(metrics::put);
        confusion.ifPresent(table -> {
            ObjectNode matrix = json.putObject("confusionMatrix");
            table.classes().forEach(matrix.putArray("classes")::add);
            ArrayNode counts = matrix.putArray("counts");
            for (long[] row : table.counts()) {
                ArrayNode values = counts.addArray();
                for (long count : row) {
                    values.add(count);
                }
            }
        });
        return json;
    }

    void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
    }

    void writeConfusionCsv(Path file) throws IOException {
        ConfusionMatrixTable table = confusion.orElseThrow(() -> new IllegalArgumentException(
                "no confusion matrix to write to " + file + ": it comes with mean_class_accuracy"));
        AtomicFiles.writeString(file, table.toCsv());
    }
}
