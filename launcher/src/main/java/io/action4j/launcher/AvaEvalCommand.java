package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.metric.DetectionSample;
import io.action4j.api.metric.MetricResult;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaExclusionsReader;
import io.action4j.spatiotemporal.ava.AvaLabel;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.ava.AvaSamples;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import io.action4j.spatiotemporal.metric.AvaFrameMap;
import io.action4j.spatiotemporal.metric.AvaFrameMapConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j eval ava}: AVA frame-mAP of any AVA-format result file. */
@Command(name = "ava", mixinStandardHelpOptions = true,
        description = {"Scores AVA-format detections (video_id, timestamp, x1, y1, x2, y2 normalised, action_id, score) "
                + "against AVA ground truth with frame-mAP as MMAction2 v1.2.0's ava_eval computes it: per class "
                + "Pascal-style AP at an IoU of 0.5, a detection matched only to its best-overlapping box; the mean "
                + "over the label map's classes that have ground truth.",
                "Excluded keyframes (--exclude) lose their detections; their ground truth still counts, as in "
                        + "MMAction2."})
final class AvaEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.csv", description = "AVA ground truth (7 or 8 columns).")
    Path groundTruth;

    @Option(names = "--pred", required = true, paramLabel = "PRED.csv",
            description = "Detections: the 8th column is the score.")
    Path predictions;

    @Option(names = "--labelmap", required = true, paramLabel = "MAP.pbtxt",
            description = "The label map (item { name: ... id: ... }): the classes scored and their names.")
    Path labelMap;

    @Option(names = "--exclude", paramLabel = "EX.csv", description = "Excluded keyframes (video_id, timestamp).")
    Path exclusions;

    @Option(names = "--iou", defaultValue = "0.5", paramLabel = "T",
            description = "The IoU a detection needs (default: ${DEFAULT-VALUE}).")
    double iou;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write every figure, at full precision, as JSON.")
    Path output;

    /**
     * mAP per category group, where the label map gives groups ({@code label_type}): the mean AP of the
     * group's classes that have ground truth, as the overall mAP is taken.
     */
    private static ObjectNode groups(List<AvaLabel> labels, MetricResult result, PrintWriter out, ObjectMapper json) {
        Map<String, List<Double>> byGroup = new java.util.TreeMap<>();
        for (AvaLabel label : labels) {
            Double ap = result.values().get("AP/" + label.id());
            if (label.type() != null && ap != null) {
                byGroup.computeIfAbsent(label.type(), group -> new java.util.ArrayList<>()).add(ap);
            }
        }
        ObjectNode perGroup = json.createObjectNode();
        byGroup.forEach((group, aps) -> {
            double mean = aps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            out.printf(Locale.ROOT, "mAP %-20s %.8f (%d classes)%n", group, mean, aps.size());
            perGroup.put(group, mean);
        });
        return perGroup;
    }

    @Override
    public Integer call() throws IOException {
        Outputs.check(output);
        List<AvaLabel> labels = AvaLabelMapReader.read(labelMap);
        Set<KeyframeKey> excluded = exclusions == null ? Set.of() : AvaExclusionsReader.read(exclusions);
        List<DetectionSample> samples = AvaSamples.of(AvaCsvReader.read(groundTruth), AvaCsvReader.read(predictions),
                excluded);
        AvaFrameMapConfig config = new AvaFrameMapConfig(iou, AvaLabelMapReader.classIds(labels));
        MetricResult result = new AvaFrameMap(config).evaluate(samples);
        Map<Integer, String> names = labels.stream().collect(Collectors.toMap(AvaLabel::id, AvaLabel::name));
        PrintWriter out = spec.commandLine().getOut();
        out.println("keyframes: " + samples.size() + ", classes in the label map: " + labels.size());
        ObjectMapper json = new ObjectMapper();
        ObjectNode written = json.createObjectNode();
        ObjectNode perClass = json.createObjectNode();
        result.values().forEach((name, value) -> {
            if (name.startsWith("AP/")) {
                int id = Integer.parseInt(name.substring(3));
                String label = names.getOrDefault(id, "?");
                out.printf(Locale.ROOT, "  %3d %-40s %.4f%n", id, label, value);
                perClass.putObject(Integer.toString(id)).put("name", label).put("AP", value);
            } else {
                out.printf(Locale.ROOT, "%s %.8f%n", name, value);
                written.put(name, value);
            }
        });
        written.set("per_class", perClass);
        ObjectNode perGroup = groups(labels, result, out, json);
        if (!perGroup.isEmpty()) {
            written.set("per_category_group", perGroup);
        }
        if (output != null) {
            AtomicFiles.writeString(output, json.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
            out.println("wrote " + output);
        }
        out.flush();
        return 0;
    }
}
