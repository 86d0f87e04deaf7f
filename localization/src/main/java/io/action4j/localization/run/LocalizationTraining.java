package io.action4j.localization.run;

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
import io.action4j.localization.train.ProposalValidation;
import io.action4j.localization.train.SnippetTrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * @param warnings receives skipped or clipped segments, naming the video and the segment
     * @throws IllegalArgumentException when the config cannot train a localizer, naming what is missing
     */
    public static TrainingTask task(ExperimentConfig config, Consumer<String> warnings) throws IOException {
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
        int featDim;
        if (type.equals(BmnHeadFactory.NAME)) {
            featDim = ((BmnConfig) config.model().locHead().config()).featDim();
            objective = new BmnObjective(steps);
            targets = new BmnTargets();
        } else {
            TemConfig tem = (TemConfig) config.model().locHead().config();
            featDim = tem.featDim();
            TemObjective temObjective = new TemObjective(tem);
            objective = temObjective;
            targets = temObjective;
        }
        List<ActivityNetAnnotations.Video> videos = ActivityNetAnnotations.read(Path.of(dataset.annFile()), warnings);
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
            validation = new ProposalValidation(ActivityNetAnnotations.read(Path.of(val.annFile()), warnings),
                    Path.of(val.dataPrefix()), head, featDim, steps);
        }
        return new TrainingTask(TensorShape.of(1, featDim, steps), parts, objective, data, validation);
    }
}
