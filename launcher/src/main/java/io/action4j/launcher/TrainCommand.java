package io.action4j.launcher;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.recognition.RecognitionMetrics;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.training.Trainer;
import io.action4j.localization.run.LocalizationTraining;
import io.action4j.spatiotemporal.train.DetectionTraining;
import io.action4j.engine.training.TrainingRun;
import io.action4j.registry.config.ConfigTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j train CONFIG [--set ...] [--work-dir D] [--resume [CKPT]]}: MMAction2's tools/train.py. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a recognition model from a config with trainDataloader, optimWrapper, paramScheduler "
                + "and trainCfg sections (valDataloader optional): checkpoints, the training state for --resume and "
                + "log.jsonl go to the work directory.",
                "Reproducible: trainCfg.seed seeds the weights, the sample order, the augmentations and dropout."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments configArguments;

    @Mixin
    ReaderArguments readerArguments;

    @Mixin
    CheckpointArguments initialWeights;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where checkpoints and logs go (default: work_dirs/<config name>, as MMAction2).")
    Path workDir;

    @Option(names = "--resume", arity = "0..1", paramLabel = "CHECKPOINT", fallbackValue = TrainingRun.RESUME_LAST,
            description = "Continue a run: from the work directory's last checkpoint (no value) or from CHECKPOINT "
                    + "(an epoch_N.safetensors with its .state.safetensors beside it).")
    String resume;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (log.jsonl is still written).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        ConfigTree tree = configArguments.tree();
        ExperimentConfig config = configArguments.bind(tree);
        String resolved = configArguments.binder().toYaml(config);
        Path directory = workDir != null ? workDir : defaultWorkDir();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean localization = config.model() != null && config.model().has(ModelConfig.Task.LOCALIZATION);
        boolean detection = config.model() != null && config.model().has(ModelConfig.Task.DETECTION);
        var decoders = readerArguments.decodersFor(config);
        Metric<RecognitionSample> metric = config.valDataloader() == null || localization || detection ? null
                : RecognitionMetrics.recognition(config.valEvaluator(), configArguments.loader(), configArguments.binder());
        Trainer.Result result = TrainingRun.run(config, resolved, directory, Optional.ofNullable(resume),
                decoders, metric, model -> {
                    var report = initialWeights.loadInto(model);
                    if (report != null && !quiet) {
                        out.println("initial weights: " + report.describe());
                    }
                }, new TrainingRun.Listener() {
                    @Override
                    public void logged(Map<String, Object> entry) {
                        if (!quiet) {
                            out.println(describe(entry));
                            out.flush();
                        }
                    }

                    @Override
                    public void warned(String message) {
                        err.println("warning: " + message);
                        err.flush();
                    }
                }, localization ? warnings -> LocalizationTraining.task(config, warnings, decoders, line -> {
                    if (!quiet) {
                        out.println(line);
                        out.flush();
                    }
                })
                        : detection ? warnings -> DetectionTraining.task(config, decoders) : null);
        if (!quiet) {
            out.println("done: " + result.epochs() + " epochs, last checkpoint " + result.checkpoint());
        }
        return 0;
    }

    private Path defaultWorkDir() {
        String name = configArguments.file == null ? "default" : configArguments.file.getFileName().toString()
                .replaceFirst("\\.(ya?ml|json)$", "");
        return Path.of("work_dirs", name);
    }

    /** One log entry as a console line. */
    static String describe(Map<String, Object> entry) {
        StringBuilder line = new StringBuilder();
        Object mode = entry.get("mode");
        if ("train".equals(mode)) {
            line.append(String.format(Locale.ROOT, "epoch %s [%s/%s] lr %.4g loss %.4f", entry.get("epoch"),
                    entry.get("iter"), entry.get("iters"), entry.get("lr"), entry.get("loss")));
            if (entry.get("top1_acc") != null) {
                line.append(String.format(Locale.ROOT, " top1 %.3f", entry.get("top1_acc")));
            }
            line.append(String.format(Locale.ROOT, " grad_norm %.3g time %.3fs data %.3fs (%.1f clips/s)",
                    entry.get("grad_norm"), entry.get("time"), entry.get("data_time"), entry.get("clips_per_s")));
        } else {
            line.append(mode);
            entry.forEach((key, value) -> {
                // Confusion-matrix cells stay in log.jsonl; the console shows the scalar metrics.
                if (!key.equals("mode") && !key.contains("/confusion/")) {
                    line.append(' ').append(key).append(' ')
                            .append(value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value);
                }
            });
        }
        return line.toString();
    }
}
