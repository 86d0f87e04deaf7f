package io.action4j.launcher;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.data.DatasetEntry;
import io.action4j.engine.recognition.Prediction;
import io.action4j.engine.recognition.PredictionMatcher;
import io.action4j.engine.recognition.PredictionsFile;
import io.action4j.engine.recognition.RecognitionMetrics;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j eval ...}: scores saved results against annotations. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores saved predictions against annotations, the same way whichever tool made them.",
        subcommands = {EvalCommand.Recognition.class, LocalizationEvalCommands.Proposals.class, AvaEvalCommand.class,
            LocalizationEvalCommands.Detection.class})
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j eval recognition --pred P --labels A}. */
    @Command(name = "recognition", mixinStandardHelpOptions = true,
            description = {"Scores a predictions file (JSON Lines: {\"video\": PATH, \"scores\": [...]} per video, see "
                    + "the README) against an MMAction2 annotation list with the 'acc' metric (MMAction2's AccMetric): "
                    + "top-k accuracy, mean class accuracy and its confusion matrix; mean average precision for "
                    + "multi-label lists.",
                    "Predictions are matched to the list by path; a video without a prediction, or a prediction "
                            + "without a video, is an error (exit 1)."})
    static final class Recognition implements Callable<Integer> {

        private final ConfigLoader loader;
        private final ConfigBinder binder;

        @Spec
        CommandSpec spec;

        @Option(names = "--pred", required = true, paramLabel = "FILE.jsonl", description = "The predictions file.")
        Path predictions;

        @Option(names = "--labels", required = true, paramLabel = "LIST",
                description = "The annotation list ('path label' for videos, 'frame_dir total_frames label' for rawframes).")
        Path annotations;

        @Option(names = "--data-prefix", paramLabel = "DIR",
                description = "Folder the list's paths are relative to; predictions may name videos either way.")
        Path dataPrefix;

        @Mixin
        AnnotationLineArguments annotationLines;

        @Option(names = "--topk", split = ",", paramLabel = "K", description = "The k of top-k accuracy, comma-separated (default: 1,5).")
        List<Integer> topk;

        @Option(names = "--metric-list", split = ",", paramLabel = "NAME",
                description = "top_k_accuracy, mean_class_accuracy, mean_average_precision, mmit_mean_average_precision "
                        + "(default: top_k_accuracy,mean_class_accuracy).")
        List<String> metricList;

        @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the metrics (and the confusion matrix) as JSON.")
        Path output;

        @Option(names = "--confusion", paramLabel = "FILE.csv",
                description = "Write the confusion matrix as CSV (rows true classes, columns predicted).")
        Path confusionCsv;

        @Inject
        Recognition(ConfigLoader loader, ConfigBinder binder) {
            this.loader = loader;
            this.binder = binder;
        }

        @Override
        public Integer call() throws IOException {
            Outputs.check(output, confusionCsv);
            Metric<RecognitionSample> metric = metric();
            List<Prediction> read = PredictionsFile.read(predictions);
            if (read.isEmpty()) {
                throw new IllegalArgumentException(predictions + ": no predictions");
            }
            List<DatasetEntry> entries = annotationLines.read(annotations, dataPrefix);
            List<RecognitionSample> samples = PredictionMatcher.match(read, entries, dataPrefix, predictions, annotations);
            List<String> disagreements = PredictionMatcher.labelDisagreements(samples, read);
            if (!disagreements.isEmpty()) {
                spec.commandLine().getErr().println("warning: " + disagreements.size() + " predictions carry labels "
                        + "other than " + annotations + "'s (scored with the list's): "
                        + disagreements.stream().limit(PredictionMatcher.NAMED).collect(Collectors.joining("; ")));
            }
            MetricResult result = metric.evaluate(samples);

            RecognitionReport report = new RecognitionReport(result, samples.size());
            PrintWriter out = spec.commandLine().getOut();
            report.print(out);
            if (output != null) {
                report.writeJson(output);
                out.println("wrote " + output);
            }
            if (confusionCsv != null) {
                report.writeConfusionCsv(confusionCsv);
                out.println("wrote " + confusionCsv);
            }
            out.flush();
            return 0;
        }

        /** The registry's {@code acc} with the options applied; bad values are reported like config keys. */
        private Metric<RecognitionSample> metric() {
            List<String> overrides = new ArrayList<>();
            if (topk != null) {
                overrides.add("metric.topk=" + topk);
            }
            if (metricList != null) {
                overrides.add("metric.metricList=" + metricList);
            }
            return RecognitionMetrics.recognition(RecognitionMetrics.acc(loader, binder, overrides, "eval recognition"));
        }
    }
}
