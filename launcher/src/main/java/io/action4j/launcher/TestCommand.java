package io.action4j.launcher;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.recognition.DatasetScorer;
import io.action4j.engine.recognition.Prediction;
import io.action4j.engine.recognition.PredictionsFile;
import io.action4j.engine.recognition.RecognitionMetrics;
import io.action4j.registry.config.ComponentSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
                "--dump writes the per-video scores in the predictions format that 'eval recognition' reads."})
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
        ExperimentConfig config = configArguments.bind(configArguments.tree());
        if (config.testDataloader() == null) {
            throw new IllegalArgumentException(configArguments.describe() + " has no 'testDataloader' section");
        }
        if (checkpointArguments.checkpoint == null) {
            throw new IllegalArgumentException("test needs --checkpoint (the weights to score)");
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
}
