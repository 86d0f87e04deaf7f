package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.recognition.DatasetScorer;
import io.action4j.engine.recognition.Prediction;
import io.action4j.engine.recognition.PredictionsFile;
import io.action4j.engine.recognition.RecognitionMetrics;
import io.action4j.localization.metric.ProposalRecall;
import io.action4j.localization.metric.TiouThresholds;
import io.action4j.localization.run.LocalizationTraining;
import io.action4j.localization.run.SegmentFiles;
import io.action4j.spatiotemporal.train.DetectionTraining;
import io.action4j.registry.config.ComponentSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j test CONFIG --checkpoint K}: scores the test set, as MMAction2's tools/test.py. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Scores every video of the config's testDataloader list (its pipeline: clips x crops, "
                + "averaged as average_clips) with the checkpoint's weights and reports the testEvaluator's metrics "
                + "(default acc: top-1 and top-5 accuracy, mean class accuracy, the confusion matrix).",
                "--dump writes the per-video scores in the predictions format that 'eval recognition' reads.",
                "A localization config (a locHead; testDataloader in the activitynet format over feature CSVs) is "
                        + "tested on features: AR@AN of the proposals (auc, AR@1 ... AR@100); --dump writes them as "
                        + "ActivityNet result JSON.",
                "A detection config (a roiHead; testDataloader in the ava format over a folder of videos) reports "
                        + "frame-mAP at IoU 0.5 and AP per class, with the proposal file's boxes or, without one, the "
                        + "ground truth's."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments configArguments;

    @Mixin
    ReaderArguments readerArguments;

    @Mixin
    CheckpointArguments checkpointArguments;

    @Mixin
    ViewArguments viewArguments;

    @Option(names = "--dump", paramLabel = "FILE.jsonl", description = "Write each video's averaged scores (JSON lines).")
    Path dump;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the metrics as JSON.")
    Path output;

    @Option(names = "--confusion", paramLabel = "FILE.csv", description = "Write the confusion matrix as CSV.")
    Path confusionCsv;

    @Override
    public Integer call() throws IOException {
        Outputs.check(dump, output, confusionCsv);
        ExperimentConfig config = configArguments.bind(configArguments.tree());
        if (config.testDataloader() == null) {
            throw new IllegalArgumentException(configArguments.describe() + " has no 'testDataloader' section");
        }
        if (checkpointArguments.checkpoint == null) {
            throw new IllegalArgumentException("test needs --checkpoint (the weights to score)");
        }
        if (config.model() != null && config.model().has(ModelConfig.Task.LOCALIZATION)) {
            return testLocalizer(config);
        }
        if (config.model() != null && config.model().has(ModelConfig.Task.DETECTION)) {
            return testDetector(config);
        }
        ComponentSpec evaluator = config.testEvaluator();
        Metric<RecognitionSample> metric = RecognitionMetrics.recognition(evaluator, configArguments.loader(), configArguments.binder());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RecognitionSample> samples = DatasetScorer.score(config, config.testDataloader(),
                readerArguments.decodersFor(config),
                checkpointArguments::loadInto, viewArguments.options(),
                warning -> err.println("warning: " + warning), (done, total) -> { });
        if (dump != null) {
            try (PredictionsFile.Writer writer = PredictionsFile.writer(dump)) {
                for (RecognitionSample sample : samples) {
                    writer.write(new Prediction(sample.videoId(), sample.scores(),
                            Arrays.stream(sample.labels()).boxed().toList()));
                }
                writer.commit();
            }
        }
        MetricResult result = metric.evaluate(samples);
        RecognitionReport report = new RecognitionReport(result, samples.size());
        report.print(out);
        if (output != null) {
            report.writeJson(output);
        }
        if (confusionCsv != null) {
            report.writeConfusionCsv(confusionCsv);
        }
        out.flush();
        return 0;
    }

    /**
     * A detector: each test keyframe's boxes (the proposal file's, or the ground truth's) through the model,
     * scored with frame-mAP at IoU 0.5 as MMAction2's AVA evaluation.
     */
    private int testDetector(ExperimentConfig config) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Double> result = DetectionTraining.test(config, readerArguments.decodersFor(config),
                checkpointArguments::loadInto);
        result.forEach((name, value) -> out.printf(java.util.Locale.ROOT, "%-12s %.4f%n", name, value));
        if (output != null) {
            AtomicFiles.writeString(output, new ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
            out.println("wrote " + output);
        }
        out.flush();
        return 0;
    }

    /**
     * A localizer: its head on the test set's feature CSVs, the proposals scored with AR@AN as
     * MMAction2's ANetMetric; {@code --dump} writes them as ActivityNet result JSON.
     */
    private int testLocalizer(ExperimentConfig config) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LocalizationSample> samples = LocalizationTraining.test(config, checkpointArguments::loadInto,
                warning -> err.println("warning: " + warning), readerArguments.decodersFor(config), line -> {
                    out.println(line);
                    out.flush();
                });
        MetricResult result = new ProposalRecall(TiouThresholds.activityNet(), OptionalDouble.of(100)).evaluate(samples);
        out.println("videos: " + samples.size());
        result.values().forEach((name, value) -> out.printf(java.util.Locale.ROOT, "%-7s %.4f%n", name, value));
        if (dump != null) {
            Map<String, List<TemporalSegment>> byVideo = new LinkedHashMap<>();
            samples.forEach(sample -> byVideo.put(sample.videoId(), sample.predicted()));
            SegmentFiles.writeActivityNet(dump, byVideo, null);
            out.println("wrote " + dump);
        }
        if (output != null) {
            AtomicFiles.writeString(output, new ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(result.values()) + "\n");
            out.println("wrote " + output);
        }
        out.flush();
        return 0;
    }
}
