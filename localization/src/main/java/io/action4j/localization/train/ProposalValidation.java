package io.action4j.localization.train;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingTask;
import io.action4j.localization.activitynet.ActivityNetAnnotations;
import io.action4j.localization.features.FeatureSequence;
import io.action4j.localization.metric.ProposalRecall;
import io.action4j.localization.metric.TiouThresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Validation while a localizer trains: the model as it is runs on each validation video's features,
 * its outputs are decoded into proposals as at inference, and the proposals are scored with AR@AN
 * (ActivityNet's thresholds, 100 proposals a video): {@code auc}, {@code AR@1} ... {@code AR@100},
 * the figures MMAction2's {@code ANetMetric} reports.
 */
public final class ProposalValidation implements TrainingTask.Validation {

    private record Video(String id, Path features, double coveredSeconds, List<TemporalSegment> truth) {
    }

    private final List<Video> videos = new ArrayList<>();
    private final LocalizationHead head;
    private final int featDim;
    private final int steps;

    /**
     * @throws IllegalArgumentException naming a validation video whose feature CSV is missing
     */
    public ProposalValidation(List<ActivityNetAnnotations.Video> annotated, Path featureFolder, LocalizationHead head,
                              int featDim, int steps) {
        this.head = head;
        this.featDim = featDim;
        this.steps = steps;
        for (ActivityNetAnnotations.Video video : annotated) {
            Path csv = FeatureFiles.csv(featureFolder, video.name(), "validation video ");
            List<TemporalSegment> truth = new ArrayList<>();
            for (ActivityNetAnnotations.Segment segment : video.segments()) {
                truth.add(new TemporalSegment(segment.start(), segment.end(), -1, 1));
            }
            videos.add(new Video(video.name(), csv, video.coveredSeconds(), truth));
        }
    }

    @Override
    public Map<String, Double> validate(ComposedModel trainingModel, int epoch) throws IOException {
        return new LinkedHashMap<>(new ProposalRecall(TiouThresholds.activityNet(), OptionalDouble.of(100))
                .evaluate(samples(trainingModel)).values());
    }

    /**
     * Each video's proposals from {@code model} (a localization model or its head alone, reading N x C x T
     * features) with its ground truth; video ids as in the annotation file.
     */
    public List<LocalizationSample> samples(ComposedModel model) throws IOException {
        List<LocalizationSample> samples = new ArrayList<>(videos.size());
        for (Video video : videos) {
            FeatureSequence input = FeatureFiles.modelInput(video.features(), featDim, steps);
            INDArray x = Nd4j.create(input.channelsFirst(), new long[] {1, featDim, steps}, 'c');
            Map<String, INDArray> outputs = model.run(Map.of(ModelComposer.INPUT, x));
            samples.add(new LocalizationSample(video.id(), head.decode(outputs, video.coveredSeconds()), video.truth()));
        }
        return samples;
    }
}
