package io.action4j.engine.training;

import io.action4j.api.io.AtomicFiles;
import io.action4j.api.model.TensorShape;
import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.checkpoint.ModelCheckpoint;
import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.config.DataloaderConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.BatchLoader;
import io.action4j.engine.data.BatchLoader.Batch;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.DatasetEntry;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * MMAction2's epoch-based training loop for recognition: batches from the training list, one
 * forward and backward pass each, gradient clipping, the optimizer step at the scheduled learning
 * rate, the batch norms' running statistics; validation and checkpoints at their intervals.
 *
 * <p>Everything random is seeded by {@code trainCfg.seed}: the initial weights, the sample order and
 * augmentations ({@link BatchLoader}) and the dropout masks (from (seed, iteration)), so a run is
 * reproducible and a resumed run continues as the uninterrupted one would.
 *
 * <p>Files in the work directory: {@code epoch_N.safetensors} (an action4j checkpoint, loadable by
 * {@code recognize} and {@code test}), {@code epoch_N.state.safetensors} (optimizer state and
 * position, for resuming), {@code last_checkpoint} (the name of the newest checkpoint) and
 * {@code log.jsonl}. Every file is written to a temporary name and renamed, state and model both written
 * before either is renamed, then the pointer, so an interrupted run (or a full disk) leaves the last
 * complete checkpoint in place, never new weights beside an earlier run's training state.
 */
public final class Trainer {

    public static final String LAST_CHECKPOINT = "last_checkpoint";

    private final ExperimentConfig config;
    private final String resolvedConfig;
    private final Path workDir;
    private final Function<Path, VideoDecoder> decoders;
    private final TrainingEvents events;
    /** Checkpoints this run wrote, oldest first (for trainCfg.maxKeepCheckpoints). */
    private final java.util.Deque<Path> saved = new java.util.ArrayDeque<>();

    /** What the loop reports: a log entry per interval and per validation, and warnings. */
    public interface TrainingEvents {
        void log(Map<String, Object> entry);

        void warn(String message);

        /**
         * Scores the validation set with the model as it is now.
         *
         * @return named values such as {@code acc/top1}
         */
        Map<String, Double> validate(ComposedModel trainingModel, int epoch);
    }

    /** Where a run ended: the last epoch completed and its checkpoint. */
    public record Result(int epochs, Path checkpoint, Map<String, Double> lastValidation) {
    }

    /**
     * @param resolvedConfig the config as resolved (YAML), stored in every checkpoint
     * @param decoders the reader for a path
     */
    public Trainer(ExperimentConfig config, String resolvedConfig, Path workDir, Function<Path, VideoDecoder> decoders,
                   TrainingEvents events) {
        if (config.model() == null) {
            throw new IllegalArgumentException("training needs a 'model' section");
        }
        require(config.trainDataloader(), "trainDataloader");
        require(config.optimWrapper(), "optimWrapper");
        require(config.trainCfg(), "trainCfg");
        this.config = config;
        this.resolvedConfig = resolvedConfig;
        this.workDir = workDir;
        this.decoders = decoders;
        this.events = events;
    }

    private static void require(Object section, String name) {
        if (section == null) {
            throw new IllegalArgumentException("training needs a '" + name + "' section");
        }
    }

    /**
     * Trains from the seeded initial weights (given {@code initialWeights}, e.g. a pretrained
     * checkpoint, a chance to replace them), or resumes from a training state.
     *
     * @param resumeFrom a checkpoint written by an earlier run ({@code epoch_N.safetensors}) to continue from
     */
    public Result train(Consumer<ComposedModel> initialWeights, Optional<Path> resumeFrom) throws IOException {
        try (TrainingTask task = recognitionTask()) {
            return train(task, initialWeights, resumeFrom);
        }
    }

    /**
     * Trains a task's model on its data with the config's optimizer, schedule, epochs and checkpoints
     * (the loop every task shares), from the seeded weights or {@code initialWeights}, or resumes.
     */
    public Result train(TrainingTask task, Consumer<ComposedModel> initialWeights, Optional<Path> resumeFrom)
            throws IOException {
        TrainLoopConfig loop = config.trainCfg();
        DataloaderConfig train = config.trainDataloader();
        Files.createDirectories(workDir);
        int batchesPerEpoch = task.data().batchesPerEpoch(train.batchSize());
        LrSchedule schedule = new LrSchedule(config.paramScheduler(), config.optimWrapper().optimizer().lr(),
                batchesPerEpoch, loop.maxEpochs());
        try (TrainingGraph graph = TrainingGraph.build(config.model(), task.sampleShape(), loop.seed(), task.objective(),
                task.parts())) {
            if (Boolean.getBoolean("debug.noreuse")) { graph.model().reuseArrays(false); }
            Optimizer optimizer = config.optimWrapper().createOptimizer(name -> isNormParameter(graph, name));
            int startEpoch = 1;
            if (resumeFrom.isPresent()) {
                startEpoch = TrainingState.restore(resumeFrom.get(), graph, optimizer) + 1;
                events.log(Map.of("mode", "resume", "checkpoint", resumeFrom.get().toString(), "epoch", startEpoch - 1));
            } else {
                initialWeights.accept(graph.model());
            }
            return run(loop, train, task.data(), schedule, graph, optimizer, startEpoch, batchesPerEpoch);
        }
    }

    /** Recognition's task: clips from the training list's videos, class targets, cross entropy (or BCE). */
    private TrainingTask recognitionTask() throws IOException {
        DataloaderConfig train = config.trainDataloader();
        if (train.dataOr(config.data()) == null) {
            throw new IllegalArgumentException("trainDataloader has no 'data' pipeline and the config has no top-level "
                    + "'data' section");
        }
        long seed = config.trainCfg().seed();
        List<DatasetEntry> entries = train.dataset().readEntries();
        if (entries.size() < train.batchSize()) {
            throw new IllegalArgumentException(train.dataset().annFile() + " has " + entries.size()
                    + " samples, fewer than one batch of " + train.batchSize());
        }
        int numClasses = config.model().recognitionClasses("training");
        ClipPipeline pipeline = ClipPipeline.build(train.dataOr(config.data()));
        TensorShape clipShape = TrainingShapes.clipShape(pipeline, entries, decoders, seed);
        BatchLoader loader = new BatchLoader(entries, pipeline, decoders, numClasses, train.numWorkers(),
                train.dataset().skipsBadSamples(), events::warn);
        TrainingData data = new TrainingData() {
            @Override
            public int batchesPerEpoch(int batchSize) {
                return loader.batchesPerEpoch(batchSize, true);
            }

            @Override
            public Iterator<TrainingBatch> epoch(long epochSeed, int epoch, int batchSize) {
                Iterator<Batch> batches = loader.epoch(epochSeed, epoch, batchSize, true, true);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return batches.hasNext();
                    }

                    @Override
                    public TrainingBatch next() {
                        Batch batch = batches.next();
                        return batch.size() == 0 ? TrainingBatch.EMPTY : new TrainingBatch(
                                Map.of(ModelComposer.INPUT, batch.input()), Map.of(TrainingGraph.TARGETS, batch.targets()),
                                batch.size());
                    }
                };
            }

            @Override
            public void close() {
                loader.close();
            }
        };
        return new TrainingTask(clipShape, ModelComposer.Parts.ALL,
                new ClassificationObjective(config.trainCfg().lossFunction(), numClasses), data);
    }

    private Result run(TrainLoopConfig loop, DataloaderConfig train, TrainingData data, LrSchedule schedule,
                       TrainingGraph graph, Optimizer optimizer, int startEpoch, int batchesPerEpoch) throws IOException {
        Path checkpoint = null;
        Map<String, Double> validation = Map.of();
        for (int epoch = startEpoch; epoch <= loop.maxEpochs(); epoch++) {
            Iterator<TrainingBatch> batches = data.epoch(loop.seed(), epoch, train.batchSize());
            long iteration = (long) (epoch - 1) * batchesPerEpoch;
            RunningMeans means = new RunningMeans();
            long waitStart = System.nanoTime();
            for (int step = 1; batches.hasNext(); step++, iteration++) {
                TrainingBatch batch = batches.next();
                long computeStart = System.nanoTime();
                if (batch.size() == 0) {
                    continue;
                }
                double lr = schedule.lr(iteration);
                TrainingGraph.Pass pass = graph.forwardBackward(batch,
                        new SplittableRandom(loop.seed() * 1_000_003L + iteration));
                double gradNorm = config.optimWrapper().clipGrad() == null
                        ? GradientClipping.totalNorm(pass.gradients().values(), 2)
                        : GradientClipping.clip(pass.gradients().values(), config.optimWrapper().clipGrad());
                optimizer.step(graph.parameters(), pass.gradients(), lr);
                graph.updateRunningStatistics(pass);
                long end = System.nanoTime();
                means.add(pass.loss(), graph.objective().batchFigures(pass, batch), gradNorm,
                        (computeStart - waitStart) / 1e9, (end - waitStart) / 1e9, batch.size());
                waitStart = end;
                if (!Double.isFinite(pass.loss())) {
                    throw new IllegalStateException("epoch " + epoch + ", iteration " + step + ": the loss is "
                            + pass.loss() + " (lr " + lr + "); lower the learning rate or clip gradients (optimWrapper.clipGrad)");
                }
                if (step % loop.logInterval() == 0 || !batches.hasNext()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("mode", "train");
                    entry.put("epoch", epoch);
                    entry.put("iter", step);
                    entry.put("iters", batchesPerEpoch);
                    entry.put("lr", lr);
                    means.into(entry);
                    events.log(entry);
                    means = new RunningMeans();
                }
            }
            boolean last = epoch == loop.maxEpochs();
            if (epoch % loop.checkpointInterval() == 0 || last) {
                checkpoint = save(graph, optimizer, epoch);
            }
            // mmengine's EpochBasedTrainLoop: from valBegin on, every valInterval-th epoch and the last.
            if (config.valDataloader() != null && epoch >= loop.valBegin()
                    && (epoch % loop.valInterval() == 0 || last)) {
                validation = events.validate(graph.model(), epoch);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("mode", "val");
                entry.put("epoch", epoch);
                entry.putAll(validation);
                events.log(entry);
            }
        }
        return new Result(loop.maxEpochs(), checkpoint, validation);
    }

    private Path save(TrainingGraph graph, Optimizer optimizer, int epoch) throws IOException {
        Path model = workDir.resolve("epoch_" + epoch + ".safetensors");
        // Both written before either replaces a file of an earlier run: never new weights beside an old state.
        Safetensors.writeAtomically(List.of(TrainingState.part(TrainingState.stateFile(model), optimizer, epoch),
                ModelCheckpoint.part(model, graph.model(), resolvedConfig)));
        // The work directory's config is the newest checkpoint's: an earlier run's stays until this one has one.
        AtomicFiles.writeString(workDir.resolve(TrainingRun.CONFIG), resolvedConfig);
        AtomicFiles.writeString(workDir.resolve(LAST_CHECKPOINT), model.getFileName().toString() + "\n");
        events.log(Map.of("mode", "checkpoint", "epoch", epoch, "path", model.toString()));
        saved.addLast(model);
        int keep = config.trainCfg().maxKeepCheckpoints();
        while (keep > 0 && saved.size() > keep) {
            Path old = saved.removeFirst();
            Files.deleteIfExists(old);
            Files.deleteIfExists(TrainingState.stateFile(old));
        }
        return model;
    }

    /** The checkpoint {@code last_checkpoint} names in a work directory, if any. */
    public static Optional<Path> lastCheckpoint(Path workDir) throws IOException {
        Path pointer = workDir.resolve(LAST_CHECKPOINT);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        Path checkpoint = workDir.resolve(Files.readString(pointer).strip());
        if (!Files.exists(checkpoint)) {
            throw new IOException(pointer + " names " + checkpoint + ", which does not exist");
        }
        return Optional.of(checkpoint);
    }

    /** Batch norm weights and biases, for paramwise decay settings ({@code normDecayMult}). */
    private static boolean isNormParameter(TrainingGraph graph, String name) {
        return graph.model().batchStatistics().stream()
                .anyMatch(norm -> name.equals(norm.norm() + ".weight") || name.equals(norm.norm() + ".bias"));
    }

    /** Means over the iterations since the last log line. */
    private static final class RunningMeans {
        private double loss;
        private final Map<String, Double> figures = new LinkedHashMap<>();
        private double gradNorm;
        private double dataTime;
        private double time;
        private long samples;
        private int count;

        void add(double loss, Map<String, Double> batchFigures, double gradNorm, double dataTime, double time,
                 int batchSize) {
            this.loss += loss;
            batchFigures.forEach((name, value) -> figures.merge(name, value, Double::sum));
            this.gradNorm += gradNorm;
            this.dataTime += dataTime;
            this.time += time;
            this.samples += batchSize;
            count++;
        }

        void into(Map<String, Object> entry) {
            entry.put("loss", loss / count);
            figures.forEach((name, sum) -> entry.put(name, sum / count));
            entry.put("grad_norm", gradNorm / count);
            entry.put("data_time", dataTime / count);
            entry.put("time", time / count);
            entry.put("clips_per_s", samples / time);
        }
    }
}
