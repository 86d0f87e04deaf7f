package io.action4j.engine.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.recognition.DatasetScorer;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.api.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A training run in a work directory, as MMAction2's {@code tools/train.py} makes one: the resolved
 * config as {@value #CONFIG}, one JSON line per log entry appended to {@value #LOG} (whole lines only, even
 * when a write fails), validation with the given metric at the config's intervals, checkpoints and the
 * training state for resuming.
 */
public final class TrainingRun {

    /**
     * The resolved config: written before training starts into a work directory that has none, and replaced
     * with each checkpoint, so that it always describes the newest checkpoint there; a run that fails before
     * its first checkpoint (a bad training list, a broken video, a full disk) leaves an earlier run's as it was.
     */
    public static final String CONFIG = "config.yaml";
    /** The log, one JSON object a line, appended across resumed runs. */
    public static final String LOG = "log.jsonl";
    /** {@code resume} value that resumes from the work directory's last checkpoint. */
    public static final String RESUME_LAST = "auto";

    /** What a run reports as it goes, besides its log file. */
    public interface Listener {

        /** A log entry, as written to {@value #LOG}. */
        void logged(Map<String, Object> entry);

        /** A problem the run went past (a skipped sample). */
        void warned(String message);
    }

    /** Makes a task's training task (a task module's data and objective), given where its warnings go. */
    @FunctionalInterface
    public interface TaskFactory {
        TrainingTask create(java.util.function.Consumer<String> warnings) throws IOException;
    }

    private TrainingRun() {
    }

    /**
     * Trains {@code config} in {@code workDir} (created when missing).
     *
     * @param resolvedConfig the config as YAML, kept with the run and in every checkpoint
     * @param resume {@value #RESUME_LAST}, a checkpoint to continue from, or empty for a fresh run
     * @param validation the metric validation reports; ignored when the config has no {@code valDataloader}
     * @param initialWeights loads weights into the freshly built model (a pretrained checkpoint), or does nothing
     */
    public static Trainer.Result run(ExperimentConfig config, String resolvedConfig, Path workDir, Optional<String> resume,
                                     Function<Path, VideoDecoder> decoders, Metric<RecognitionSample> validation,
                                     Consumer<ComposedModel> initialWeights, Listener listener) throws IOException {
        return run(config, resolvedConfig, workDir, resume, decoders, validation, initialWeights, listener, null);
    }

    /**
     * {@link #run(ExperimentConfig, String, Path, Optional, Function, Metric, Consumer, Listener)} for another
     * task than recognition: {@code task} makes its data and objective (null: recognition).
     */
    public static Trainer.Result run(ExperimentConfig config, String resolvedConfig, Path workDir, Optional<String> resume,
                                     Function<Path, VideoDecoder> decoders, Metric<RecognitionSample> validation,
                                     Consumer<ComposedModel> initialWeights, Listener listener, TaskFactory task)
            throws IOException {
        Files.createDirectories(workDir);
        if (!Files.exists(workDir.resolve(CONFIG))) {
            AtomicFiles.writeString(workDir.resolve(CONFIG), resolvedConfig);
        }
        Optional<Path> resumeFrom = resumeFrom(workDir, resume);
        ObjectMapper json = new ObjectMapper();
        Path logFile = workDir.resolve(LOG);
        try (JsonLinesLog log = JsonLinesLog.open(logFile)) {
            // The task, once made: its own validation replaces recognition's.
            TrainingTask[] created = new TrainingTask[1];
            Trainer.TrainingEvents events = new Trainer.TrainingEvents() {
                @Override
                public void log(Map<String, Object> entry) {
                    try {
                        log.append(json.writeValueAsString(entry));
                    } catch (IOException e) {
                        // Names the log and why (a full disk); carried out of the loop and thrown as it is.
                        throw new LogNotWritten(e);
                    }
                    listener.logged(entry);
                }

                @Override
                public void warn(String message) {
                    listener.warned(message);
                }

                @Override
                public Map<String, Double> validate(ComposedModel trainingModel, int epoch) {
                    try {
                        if (created[0] != null && created[0].validation() != null) {
                            return created[0].validation().validate(trainingModel, epoch);
                        }
                        List<RecognitionSample> samples = DatasetScorer.score(config, config.valDataloader(), decoders,
                                model -> model.copyWeightsFrom(trainingModel),
                                new RecognitionOptions("prob", 8, config.trainCfg().seed()), this::warn, (done, total) -> { });
                        return validation.evaluate(samples).values();
                    } catch (IOException e) {
                        throw new IllegalStateException("validation after epoch " + epoch + ": " + e.getMessage(), e);
                    }
                }
            };
            Trainer trainer = new Trainer(config, resolvedConfig, workDir, decoders, events);
            try {
                if (task == null) {
                    return trainer.train(initialWeights, resumeFrom);
                }
                try (TrainingTask made = task.create(events::warn)) {
                    created[0] = made;
                    return trainer.train(made, initialWeights, resumeFrom);
                }
            } catch (LogNotWritten e) {
                throw e.getCause();
            }
        }
    }

    /** A log entry that could not be written, carried out of the training loop to be thrown as it is. */
    private static final class LogNotWritten extends UncheckedIOException {

        private static final long serialVersionUID = 1L;

        LogNotWritten(IOException cause) {
            super(cause);
        }
    }

    /**
     * The checkpoint to continue from: the work directory's last one for {@value #RESUME_LAST}, else the
     * named file; empty for a fresh run.
     */
    public static Optional<Path> resumeFrom(Path workDir, Optional<String> resume) throws IOException {
        if (resume.isEmpty()) {
            return Optional.empty();
        }
        if (!resume.get().equals(RESUME_LAST)) {
            return Optional.of(Path.of(resume.get()));
        }
        Optional<Path> last = Trainer.lastCheckpoint(workDir);
        if (last.isEmpty()) {
            throw new IllegalArgumentException("--resume: " + workDir + " has no " + Trainer.LAST_CHECKPOINT
                    + " to resume from");
        }
        return last;
    }
}
