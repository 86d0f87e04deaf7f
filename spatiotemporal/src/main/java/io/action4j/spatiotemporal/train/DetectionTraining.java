package io.action4j.spatiotemporal.train;

import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.config.DataloaderConfig;
import io.action4j.engine.config.DatasetConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingTask;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import io.action4j.spatiotemporal.head.AvaBBoxHeadConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Detection's training task for the engine's trainer: the backbone and the RoI head trained together on
 * AVA-format data (the dataset's {@code format: ava}: a ground-truth CSV over a folder of videos, an
 * optional proposal file), with the loss of {@link AvaObjective}; with a {@code valDataloader}, each
 * validation reports frame-mAP ({@link AvaValidation}). {@link #test} scores a test set the same way.
 */
public final class DetectionTraining {

    /** MMAction2's AVA assigner threshold ({@code pos_iou_thr}). */
    private static final double POS_IOU_THR = 0.9;

    private DetectionTraining() {
    }

    /** The task for {@code config}'s train (and val) dataloaders. */
    public static TrainingTask task(ExperimentConfig config, Function<Path, VideoDecoder> decoders) throws IOException {
        DatasetConfig train = avaDataset(config.trainDataloader(), "trainDataloader");
        DetectionHead head = config.model().roiHead().create(DetectionHead.class);
        int numClasses = head.numClasses();
        long seed = config.trainCfg() == null ? 0 : config.trainCfg().seed();
        ClipPipeline pipeline = ClipPipeline.build(config.trainDataloader().dataOr(config.data()));
        AvaTrainingData data = new AvaTrainingData(AvaGroundTruth.read(Path.of(train.annFile())), proposals(train),
                new KeyframeClips(new AvaVideos(prefix(train)), decoders, pipeline), new MaxIouAssignerAva(POS_IOU_THR),
                numClasses);
        int[] shape = data.sampleShape(seed);
        double gamma = 0;
        double alpha = 1;
        if (config.model().roiHead().config() instanceof AvaBBoxHeadConfig ava) {
            gamma = ava.focalGamma();
            alpha = ava.focalAlpha();
        }
        AvaValidation validation = config.valDataloader() == null ? null : validation(config, config.valDataloader(),
                "valDataloader", decoders, seed);
        return new TrainingTask(TensorShape.of(1, shape[1], shape[2], shape[3], shape[4]), ModelComposer.Parts.ALL,
                new AvaObjective(numClasses, gamma, alpha), data, validation);
    }

    /**
     * Frame-mAP (overall and per class) of the model on the config's {@code testDataloader}.
     *
     * @param weights loads the model's weights
     */
    public static Map<String, Double> test(ExperimentConfig config, Function<Path, VideoDecoder> decoders,
                                           Consumer<ComposedModel> weights) throws IOException {
        long seed = config.trainCfg() == null ? 0 : config.trainCfg().seed();
        try (AvaValidation scorer = validation(config, config.testDataloader(), "testDataloader", decoders, seed)) {
            return scorer.evaluate(weights);
        }
    }

    private static AvaValidation validation(ExperimentConfig config, DataloaderConfig loader, String section,
                                            Function<Path, VideoDecoder> decoders, long seed) throws IOException {
        DatasetConfig dataset = avaDataset(loader, section);
        ClipPipeline pipeline = ClipPipeline.build(loader.dataOr(config.data()));
        List<Integer> classIds = dataset.labelFile() == null ? List.of()
                : AvaLabelMapReader.classIds(AvaLabelMapReader.read(Path.of(dataset.labelFile())));
        return new AvaValidation(AvaGroundTruth.read(Path.of(dataset.annFile())), proposals(dataset),
                new KeyframeClips(new AvaVideos(prefix(dataset)), decoders, pipeline), config.model(), classIds, seed);
    }

    private static DatasetConfig avaDataset(DataloaderConfig loader, String section) {
        if (loader == null) {
            throw new IllegalArgumentException("detection needs a " + section + " with an AVA-format dataset");
        }
        DatasetConfig dataset = loader.dataset();
        if (!dataset.format().equals(DatasetConfig.AVA) || dataset.dataPrefix() == null) {
            throw new IllegalArgumentException(section + ".dataset: a detector trains and tests on format: ava "
                    + "(annFile: the AVA ground-truth CSV, dataPrefix: the folder of its videos)");
        }
        return dataset;
    }

    private static Path prefix(DatasetConfig dataset) {
        return Path.of(dataset.dataPrefix());
    }

    private static AvaCsvBoxSource proposals(DatasetConfig dataset) throws IOException {
        return dataset.proposalFile() == null ? null
                : AvaCsvBoxSource.read(Path.of(dataset.proposalFile()), dataset.proposalMinScore());
    }
}
