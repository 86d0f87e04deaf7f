package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.recognition.DatasetScorer;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.training.Trainer;
import io.action4j.registry.config.ConfigTree;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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

    @Option(names = "--resume", arity = "0..1", paramLabel = "CHECKPOINT", fallbackValue = "auto",
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
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("config.yaml"), resolved);
        Optional<Path> resumeFrom = resumeFrom(directory);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = new ObjectMapper();
        Metric<RecognitionSample> metric = config.valDataloader() == null ? null
                : Evaluators.recognition(config.valEvaluator(), configArguments.loader(), configArguments.binder());
        try (BufferedWriter log = Files.newBufferedWriter(directory.resolve("log.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Trainer.TrainingEvents events = new Trainer.TrainingEvents() {
                @Override
                public void log(Map<String, Object> entry) {
                    try {
                        log.write(json.writeValueAsString(entry));
                        log.newLine();
                        log.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(directory.resolve("log.jsonl") + ": cannot write", e);
                    }
                    if (!quiet) {
                        out.println(describe(entry));
                        out.flush();
                    }
                }

                @Override
                public void warn(String message) {
                    err.println("warning: " + message);
                    err.flush();
                }

                @Override
                public Map<String, Double> validate(ComposedModel trainingModel, int epoch) {
                    try {
                        List<RecognitionSample> samples = DatasetScorer.score(config, config.valDataloader(),
                                readerArguments.decodersFor(config),
                                model -> model.copyWeightsFrom(trainingModel),
                                new RecognitionOptions("prob", 8, config.trainCfg().seed()), this::warn, (done, total) -> { });
                        return metric.evaluate(samples).values();
                    } catch (IOException e) {
                        throw new IllegalStateException("validation after epoch " + epoch + ": " + e.getMessage(), e);
                    }
                }
            };
            Trainer trainer = new Trainer(config, resolved, directory,
                    readerArguments.decodersFor(config), events);
            Trainer.Result result = trainer.train(model -> {
                var report = initialWeights.loadInto(model);
                if (report != null && !quiet) {
                    out.println("initial weights: " + report.describe());
                }
            }, resumeFrom);
            if (!quiet) {
                out.println("done: " + result.epochs() + " epochs, last checkpoint " + result.checkpoint());
            }
        }
        return 0;
    }

    private Path defaultWorkDir() {
        String name = configArguments.file == null ? "default" : configArguments.file.getFileName().toString()
                .replaceFirst("\\.(ya?ml|json)$", "");
        return Path.of("work_dirs", name);
    }

    private Optional<Path> resumeFrom(Path directory) throws IOException {
        if (resume == null) {
            return Optional.empty();
        }
        if (!resume.equals("auto")) {
            return Optional.of(Path.of(resume));
        }
        Optional<Path> last = Trainer.lastCheckpoint(directory);
        if (last.isEmpty()) {
            throw new IllegalArgumentException("--resume: " + directory + " has no " + Trainer.LAST_CHECKPOINT
                    + " to resume from");
        }
        return last;
    }

    /** One log entry as a console line. */
    static String describe(Map<String, Object> entry) {
        StringBuilder line = new StringBuilder();
        Object mode = entry.get("mode");
        if ("train".equals(mode)) {
            line.append(String.format(Locale.ROOT, "epoch %s [%s/%s] lr %.4g loss %.4f top1 %.3f grad_norm %.3g "
                            + "time %.3fs data %.3fs (%.1f clips/s)",
                    entry.get("epoch"), entry.get("iter"), entry.get("iters"), entry.get("lr"), entry.get("loss"),
                    entry.get("top1_acc"), entry.get("grad_norm"), entry.get("time"), entry.get("data_time"),
                    entry.get("clips_per_s")));
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
