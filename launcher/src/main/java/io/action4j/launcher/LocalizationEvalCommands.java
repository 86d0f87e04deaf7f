package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.localization.activitynet.ActivityNetDataset;
import io.action4j.localization.activitynet.ActivityNetFiles;
import io.action4j.localization.metric.ProposalRecall;
import io.action4j.localization.metric.ProposalRecallCurve;
import io.action4j.localization.metric.TemporalDetectionMap;
import io.action4j.localization.metric.TemporalDetectionMapTable;
import io.action4j.localization.metric.TiouThresholds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code action4j eval proposals} and {@code action4j eval detection}: ActivityNet-format files scored. */
final class LocalizationEvalCommands {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The AR@AN curve is printed at these steps (percent of the budget); --out has all 100. */
    private static final int[] CURVE_STEPS_SHOWN = {1, 2, 5, 10, 20, 50, 100};

    private LocalizationEvalCommands() {
    }

    /** Options both commands share. */
    abstract static class ActivityNetEval implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--gt", required = true, paramLabel = "GT.json",
                description = "ActivityNet-style ground truth: {\"v_<id>\": {\"annotations\": [{\"segment\": [s, e], "
                        + "\"label\": name}]}} (MMAction2's convention: the v_ prefix is dropped to match results).")
        Path groundTruth;

        @Option(names = "--pred", required = true, paramLabel = "RESULT.json",
                description = "Results: {\"results\": {\"<id>\": [{\"segment\": [s, e], \"score\": x, \"label\": name}]}}, "
                        + "as MMAction2 and ActivityNet tools write them.")
        Path predictions;

        @Option(names = "--tiou", paramLabel = "START:STEP:STOP|T1,T2,...",
                description = "tIoU thresholds: a range (computed as numpy.linspace, so 0.5:0.05:0.95 holds "
                        + "0.8999999999999999) or a comma-separated list of exact values (default: ${DEFAULT-VALUE}; "
                        + "THUMOS'14 uses 0.3:0.1:0.7).", defaultValue = "0.5:0.05:0.95")
        String tiou;

        @Option(names = "--out", paramLabel = "FILE.json",
                description = "Also write every figure, at full double precision, as JSON (replaced only once complete).")
        Path output;

        List<Double> thresholds() {
            try {
                return TiouThresholds.parse(tiou);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--tiou: " + e.getMessage(), e, null, tiou);
            }
        }

        void write(ObjectNode json) throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (output != null) {
                AtomicFiles.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
                out.println("wrote " + output);
            }
            out.flush();
        }

        ObjectNode header(ActivityNetDataset dataset, List<Double> thresholds) {
            ObjectNode json = JSON.createObjectNode();
            json.put("ground_truth", groundTruth.toString()).put("predictions", predictions.toString());
            json.put("videos", dataset.samples().size());
            thresholds.forEach(json.putArray("tiou_thresholds")::add);
            return json;
        }
    }

    @Command(name = "proposals", mixinStandardHelpOptions = true,
            description = {"Scores class-agnostic temporal proposals with AR@AN as MMAction2's ANetMetric does: "
                    + "recall at 1..100 percent of a per-video budget, averaged over the tIoU thresholds, its AUC and "
                    + "AR@1/5/10/100. Labels in the results are ignored.",
                    "Each video keeps a share of its own proposals, the share set by --max-avg-proposals over the "
                            + "average proposal count; only videos with ground truth are scored."})
    static final class Proposals extends ActivityNetEval {

        @Option(names = "--max-avg-proposals", paramLabel = "N", defaultValue = "100",
                description = "The proposal budget per video that the 100 steps divide (default: ${DEFAULT-VALUE}, "
                        + "as MMAction2's ANetMetric).")
        double maxAvgProposals;

        @Override
        public Integer call() throws IOException {
            Outputs.check(output);
            if (!(maxAvgProposals > 0) || Double.isInfinite(maxAvgProposals)) {
                throw new ParameterException(spec.commandLine(),
                        "--max-avg-proposals must be a positive number, got " + maxAvgProposals);
            }
            List<Double> thresholds = thresholds();
            ActivityNetDataset dataset = ActivityNetFiles.readProposals(groundTruth, predictions);
            ProposalRecall metric = new ProposalRecall(thresholds, OptionalDouble.of(maxAvgProposals));
            ProposalRecallCurve curve = metric.curve(dataset.samples());
            Map<String, Double> scalars = metric.evaluate(dataset.samples()).values();

            PrintWriter out = spec.commandLine().getOut();
            out.println("videos: " + dataset.samples().size() + ", tIoU thresholds: " + thresholds.size()
                    + ", max_avg_proposals: " + number(maxAvgProposals));
            scalars.forEach((name, value) -> out.printf(Locale.ROOT, "%-7s %.4f%n", name, value));
            out.println("AR@AN  (proposals per video: average recall)");
            for (int percent : CURVE_STEPS_SHOWN) {
                out.printf(Locale.ROOT, "  %8.2f: %.4f%n", curve.proposalsPerVideo()[percent - 1],
                        curve.averageRecall()[percent - 1]);
            }

            ObjectNode json = header(dataset, thresholds).put("max_avg_proposals", maxAvgProposals);
            scalars.forEach(json::put);
            ObjectNode curveJson = json.putObject("AR@AN");
            add(curveJson.putArray("proposals_per_video"), curve.proposalsPerVideo());
            add(curveJson.putArray("average_recall"), curve.averageRecall());
            ArrayNode recall = curveJson.putArray("recall");
            for (double[] row : curve.recall()) {
                add(recall.addArray(), row);
            }
            write(json);
            return 0;
        }
    }

    @Command(name = "detection", mixinStandardHelpOptions = true,
            description = {"Scores labelled temporal detections with ActivityNet's mAP as MMAction2's "
                    + "ActivityNetLocalization does: AP per class at each tIoU threshold, mAP per threshold and the "
                    + "average. Every class in the ground truth counts; a result label the ground truth lacks is an "
                    + "error."})
    static final class Detection extends ActivityNetEval {

        @Override
        public Integer call() throws IOException {
            Outputs.check(output);
            List<Double> thresholds = thresholds();
            ActivityNetDataset dataset = ActivityNetFiles.read(groundTruth, predictions);
            TemporalDetectionMapTable table = new TemporalDetectionMap(thresholds).table(dataset.samples());

            PrintWriter out = spec.commandLine().getOut();
            out.println("videos: " + dataset.samples().size() + ", classes with ground truth: "
                    + table.apByClass().size());
            int column = Math.max("average".length(),
                    thresholds.stream().mapToInt(t -> number(t).length()).max().orElse(4));
            out.printf(Locale.ROOT, "%-" + column + "s  %s%n", "tIoU", "mAP");
            for (int t = 0; t < thresholds.size(); t++) {
                out.printf(Locale.ROOT, "%-" + column + "s  %.4f%n", number(thresholds.get(t)), table.mapPerThreshold()[t]);
            }
            out.printf(Locale.ROOT, "%-" + column + "s  %.4f%n", "average", table.averageMap());
            int width = table.apByClass().keySet().stream()
                    .mapToInt(c -> dataset.classNames().get(c).length()).max().orElse(5);
            out.printf(Locale.ROOT, "%-" + width + "s  %s%n", "class", "AP (mean over thresholds)");
            table.apByClass().keySet().forEach(c -> out.printf(Locale.ROOT, "%-" + width + "s  %.4f%n",
                    dataset.classNames().get(c), table.averageAp(c)));

            ObjectNode json = header(dataset, thresholds);
            add(json.putArray("mAP"), table.mapPerThreshold());
            json.put("average_mAP", table.averageMap());
            ObjectNode perClass = json.putObject("ap");
            table.apByClass().forEach((c, ap) -> add(perClass.putArray(dataset.classNames().get(c)), ap));
            ObjectNode meanPerClass = json.putObject("ap_mean_over_thresholds");
            table.apByClass().keySet().forEach(c -> meanPerClass.put(dataset.classNames().get(c), table.averageAp(c)));
            write(json);
            return 0;
        }
    }

    private static void add(ArrayNode array, double[] values) {
        for (double value : values) {
            array.add(value);
        }
    }

    /** A threshold or budget as typed: 0.5, 0.8999999999999999, 100. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
