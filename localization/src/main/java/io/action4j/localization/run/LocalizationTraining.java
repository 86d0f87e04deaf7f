package io.action4j.localization.run;

import io.action4j.api.video.VideoDecoder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.DataloaderConfig;
import io.action4j.engine.config.DatasetConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingTask;
import io.action4j.localization.activitynet.ActivityNetAnnotations;
import io.action4j.localization.bmn.BmnHeadFactory;
import io.action4j.localization.bmn.BmnObjective;
import io.action4j.engine.training.TrainingObjective;
import io.action4j.localization.bmn.BmnConfig;
import io.action4j.localization.bmn.BmnTargets;
import io.action4j.localization.bsn.TemConfig;
import io.action4j.localization.bsn.TemHeadFactory;
import io.action4j.localization.bsn.TemObjective;
import io.action4j.localization.train.FeaturePreparation;
import io.action4j.localization.train.ProposalValidation;
import io.action4j.localization.train.SnippetTrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Localization's training task for the engine's trainer: a BMN or TEM head trained on snippet features
 * (MMAction2's ActivityNet annotation JSON over a folder of feature CSVs, the dataset's
 * {@code format: activitynet}). A model with a backbone trains its head alone: the backbone made the
 * features and stays as it is. With a {@code valDataloader} (the same format), each validation reports
 * AR@AN of the validation videos' proposals ({@link ProposalValidation}).
 */
public final class LocalizationTraining {

    private LocalizationTraining() {
    }

    /** The feature width the model's localization head reads (its {@code featDim}). */
    public static int featDim(ExperimentConfig config) {
        Record head = config.model().locHead().config();
        if (head instanceof BmnConfig bmn) {
            return bmn.featDim();
        }
        if (head instanceof TemConfig tem) {
            return tem.featDim();
        }
        throw new IllegalArgumentException("the localization head '" + config.model().locHead().type()
                + "' is not one action4j trains or tests on features (bmn, tem)");
    }

    /**
     * Proposals for every video of the config's {@code testDataloader} (format {@code activitynet}: the
     * annotation JSON over the feature CSVs) from the localization head alone, with its ground truth.
     *
     * @param weights loads the head's weights
     */
    public static List<io.action4j.api.metric.LocalizationSample> test(ExperimentConfig config,
            Consumer<io.action4j.engine.model.ComposedModel> weights, Consumer<String> warnings) throws IOException {
        return test(config, weights, warnings, path -> {
            throw new IllegalArgumentException("no video decoders given to extract features from " + path);
        }, line -> { });
    }

    /**
     * {@link #test(ExperimentConfig, Consumer, Consumer)}, first extracting the features the test set lacks from
     * its raw videos when it has a {@code videoPrefix} ({@link FeaturePreparation}).
     *
     * @param progress receives a line per video whose features are extracted
     */
    public static List<io.action4j.api.metric.LocalizationSample> test(ExperimentConfig config,
            Consumer<io.action4j.engine.model.ComposedModel> weights, Consumer<String> warnings,
            Function<Path, VideoDecoder> decoders, Consumer<String> progress) throws IOException {
        if (config.model() == null || config.model().locHead() == null) {
            throw new IllegalArgumentException("testing a localizer needs a model with a locHead");
        }
        DatasetConfig dataset = config.testDataloader().dataset();
        if (!dataset.format().equals(DatasetConfig.ACTIVITYNET) || dataset.dataPrefix() == null) {
            throw new IllegalArgumentException("testDataloader.dataset: a localizer is tested on format: activitynet "
                    + "(annFile: the ActivityNet annotation JSON, dataPrefix: the folder of its feature CSVs)");
        }
        FeaturePreparation.prepare(config, dataset, "testDataloader.dataset", decoders, progress);
        LocalizationHead head = config.model().locHead().create(LocalizationHead.class);
        int steps = head.temporalLength().orElseThrow();
        int featDim = featDim(config);
        ProposalValidation scorer = new ProposalValidation(ActivityNetAnnotations.read(Path.of(dataset.annFile()),
                warnings, dataset.rejectsOutsideSegments()), Path.of(dataset.dataPrefix()), head, featDim, steps);
        try (var model = ModelComposer.composeLocalizationHead(config.model(), TensorShape.of(1, featDim, steps),
                config.trainCfg() == null ? 0 : config.trainCfg().seed())) {
            weights.accept(model);
            return scorer.samples(model);
        }
    }

    /**
     * @param warnings receives skipped or clipped segments, naming the video and the segment
     * @throws IllegalArgumentException when the config cannot train a localizer, naming what is missing
     */
    public static TrainingTask task(ExperimentConfig config, Consumer<String> warnings) throws IOException {
        return task(config, warnings, path -> {
            throw new IllegalArgumentException("no video decoders given to extract features from " + path);
        }, line -> { });
    }

    /**
     * {@link #task(ExperimentConfig, Consumer)}, first extracting the features the training and validation sets
     * lack from their raw videos when they have a {@code videoPrefix} ({@link FeaturePreparation}).
     *
     * @param progress receives a line per video whose features are extracted
     */
    public static TrainingTask task(ExperimentConfig config, Consumer<String> warnings,
                                    Function<Path, VideoDecoder> decoders, Consumer<String> progress) throws IOException {
        if (config.model() == null || config.model().locHead() == null) {
            throw new IllegalArgumentException("training a localizer needs a model with a locHead");
        }
        String type = config.model().locHead().type();
        if (!type.equals(BmnHeadFactory.NAME) && !type.equals(TemHeadFactory.NAME)) {
            throw new IllegalArgumentException("training is implemented for the bmn and tem localization heads; this "
                    + "model's is '" + type + "'");
        }
        DataloaderConfig train = config.trainDataloader();
        DatasetConfig dataset = train.dataset();
        if (!dataset.format().equals(DatasetConfig.ACTIVITYNET) || dataset.dataPrefix() == null) {
            throw new IllegalArgumentException("trainDataloader.dataset: a localizer trains on format: activitynet (annFile: "
                    + "MMAction2's ActivityNet annotation JSON, dataPrefix: the folder of its feature CSVs); got format "
                    + dataset.format() + (dataset.dataPrefix() == null ? " without a dataPrefix" : ""));
        }
        LocalizationHead head = config.model().locHead().create(LocalizationHead.class);
        int steps = head.temporalLength().orElseThrow();
        TrainingObjective objective;
        SnippetTrainingData.Targets targets;
        int featDim = featDim(config);
        if (type.equals(BmnHeadFactory.NAME)) {
            objective = new BmnObjective(steps);
            targets = new BmnTargets();
        } else {
            TemConfig tem = (TemConfig) config.model().locHead().config();
            TemObjective temObjective = new TemObjective(tem);
            objective = temObjective;
            targets = temObjective;
        }
        FeaturePreparation.prepare(config, dataset, "trainDataloader.dataset", decoders, progress);
        if (config.valDataloader() != null) {
            FeaturePreparation.prepare(config, config.valDataloader().dataset(), "valDataloader.dataset", decoders, progress);
        }
        List<ActivityNetAnnotations.Video> videos = ActivityNetAnnotations.read(Path.of(dataset.annFile()), warnings,
                dataset.rejectsOutsideSegments());
        SnippetTrainingData data = new SnippetTrainingData(videos, Path.of(dataset.dataPrefix()), featDim, steps, targets);
        if (data.size() < train.batchSize()) {
            throw new IllegalArgumentException(dataset.annFile() + " has " + data.size() + " videos, fewer than one batch of "
                    + train.batchSize());
        }
        ModelComposer.Parts parts = config.model().backbone() == null ? ModelComposer.Parts.ALL : ModelComposer.Parts.HEADS;
        ProposalValidation validation = null;
        if (config.valDataloader() != null) {
            DatasetConfig val = config.valDataloader().dataset();
            if (!val.format().equals(DatasetConfig.ACTIVITYNET) || val.dataPrefix() == null) {
                throw new IllegalArgumentException("valDataloader.dataset: a localizer validates on format: activitynet "
                        + "with a dataPrefix (the folder of the validation videos' feature CSVs)");
            }
            validation = new ProposalValidation(ActivityNetAnnotations.read(Path.of(val.annFile()), warnings,
                    val.rejectsOutsideSegments()),
                    Path.of(val.dataPrefix()), head, featDim, steps);
        }
        return new TrainingTask(TensorShape.of(1, featDim, steps), parts, objective, data, validation);
    }
}
