package io.action4j.launcher;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.data.DatasetEntry;
import io.action4j.engine.recognition.Prediction;
import io.action4j.engine.recognition.PredictionMatcher;
import io.action4j.engine.recognition.PredictionsFile;
import io.action4j.engine.recognition.RecognitionMetrics;
import io.action4j.engine.recognition.ScoreFusion;
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
        subcommands = {EvalCommand.Recognition.class, EvalCommand.Fuse.class, LocalizationEvalCommands.Proposals.class,
            AvaEvalCommand.class, LocalizationEvalCommands.Detection.class})
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
            RecognitionReport report = score(spec, metric, read, predictions, annotationLines.read(annotations, dataPrefix),
                    annotations, dataPrefix);
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

        /** Matches the predictions to the list (warning of labels that disagree) and evaluates them. */
        static RecognitionReport score(CommandSpec spec, Metric<RecognitionSample> metric, List<Prediction> read,
                                       Path predictions, List<DatasetEntry> entries, Path annotations, Path dataPrefix) {
            List<RecognitionSample> samples = PredictionMatcher.match(read, entries, dataPrefix, predictions, annotations);
            List<String> disagreements = PredictionMatcher.labelDisagreements(samples, read);
            if (!disagreements.isEmpty()) {
                spec.commandLine().getErr().println("warning: " + disagreements.size() + " predictions carry labels "
                        + "other than " + annotations + "'s (scored with the list's): "
                        + disagreements.stream().limit(PredictionMatcher.NAMED).collect(Collectors.joining("; ")));
            }
            MetricResult result = metric.evaluate(samples);
            return new RecognitionReport(result, samples.size());
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

    /** {@code action4j eval fuse --pred A --pred B [--weights 1,1.5] [--labels LIST] [--out FUSED]}. */
    @Command(name = "fuse", mixinStandardHelpOptions = true,
            description = {"Late fusion of saved scores (two-stream networks at test time, MMAction2's report_accuracy): "
                    + "the weighted average of each video's scores over two or more predictions files (what 'test --dump' "
                    + "writes: a spatial and a temporal stream, RGB and RGB difference, ...), scored against an annotation "
                    + "list like 'eval recognition' and/or written as a predictions file.",
                    "Every file must score the same videos with as many classes; one that does not is an error (exit 1) "
                            + "naming the file and the video."})
    static final class Fuse implements Callable<Integer> {

        private final ConfigLoader loader;
        private final ConfigBinder binder;

        @Spec
        CommandSpec spec;

        @Option(names = "--pred", required = true, paramLabel = "FILE.jsonl",
                description = "A predictions file; give two or more (--pred rgb.jsonl --pred flow.jsonl).")
        List<Path> predictions;

        @Option(names = "--weights", split = ",", paramLabel = "W",
                description = "One positive weight per --pred, comma-separated, e.g. 1,1.5 (default: all 1).")
        List<Double> weights;

        @Option(names = "--apply-softmax", description = "Turn each file's scores into probabilities first (for files of "
                + "logits; 'test --dump' writes probabilities already).")
        boolean applySoftmax;

        @Option(names = "--labels", paramLabel = "LIST",
                description = "Score the fused predictions against this annotation list (top-1/top-5, mean class accuracy).")
        Path annotations;

        @Option(names = "--data-prefix", paramLabel = "DIR",
                description = "Folder the list's paths are relative to; predictions may name videos either way.")
        Path dataPrefix;

        @Mixin
        AnnotationLineArguments annotationLines;

        @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Write the fused predictions (JSON Lines).")
        Path output;

        @Inject
        Fuse(ConfigLoader loader, ConfigBinder binder) {
            this.loader = loader;
            this.binder = binder;
        }

        @Override
        public Integer call() throws IOException {
            if (annotations == null && output == null) {
                throw new IllegalArgumentException("nothing to do: give --labels LIST to score the fused predictions, "
                        + "--out FILE.jsonl to write them, or both");
            }
            if (predictions.size() < 2) {
                throw new IllegalArgumentException("--pred: fusion needs two predictions files or more, got "
                        + predictions.size());
            }
            Outputs.check(output);
            List<Double> fusionWeights = weights != null ? weights : predictions.stream().map(file -> 1.0).toList();
            if (fusionWeights.size() != predictions.size()) {
                throw new IllegalArgumentException("--weights: " + fusionWeights.size() + " weights for "
                        + predictions.size() + " --pred files; give one weight per file");
            }
            List<List<Prediction>> sources = new ArrayList<>();
            for (Path file : predictions) {
                List<Prediction> read = PredictionsFile.read(file);
                if (read.isEmpty()) {
                    throw new IllegalArgumentException(file + ": no predictions");
                }
                sources.add(read);
            }
            List<Prediction> fused = ScoreFusion.fuse(sources, ScoreFusion.names(predictions), fusionWeights,
                    applySoftmax);
            PrintWriter out = spec.commandLine().getOut();
            out.println("fused " + fused.size() + " videos from " + predictions.size() + " files, weights "
                    + fusionWeights + (applySoftmax ? ", softmax first" : ""));
            if (annotations != null) {
                Metric<RecognitionSample> metric = RecognitionMetrics.recognition(
                        RecognitionMetrics.acc(loader, binder, List.of(), "eval fuse"));
                Recognition.score(spec, metric, fused, predictions.get(0), annotationLines.read(annotations, dataPrefix),
                        annotations, dataPrefix).print(out);
            }
            if (output != null) {
                PredictionsFile.write(output, fused);
                out.println("wrote " + output);
            }
            out.flush();
            return 0;
        }
    }
}
