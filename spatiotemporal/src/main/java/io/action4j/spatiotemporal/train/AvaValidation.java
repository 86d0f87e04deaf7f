package io.action4j.spatiotemporal.train;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.metric.DetectionSample;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import io.action4j.api.transform.Box;
import io.action4j.api.transform.FormattedClip;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingTask;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import io.action4j.spatiotemporal.metric.AvaFrameMap;
import io.action4j.spatiotemporal.metric.AvaFrameMapConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frame-mAP of a detection model on annotated keyframes, as at inference: each keyframe's boxes (the
 * proposal file's, or the ground truth's when there is none: oracle boxes) through the model, every
 * action's score per box, scored against the ground truth by {@link AvaFrameMap} at IoU 0.5 over the
 * label map's classes. Serves validation while training and {@code test}.
 */
public final class AvaValidation implements TrainingTask.Validation, AutoCloseable {

    private final List<AvaGroundTruth.Keyframe> keyframes;
    private final AvaCsvBoxSource proposals;
    private final KeyframeClips clips;
    private final ModelConfig model;
    private final DetectionHead head;
    private final List<Integer> classIds;
    private final long seed;
    private ComposedModel inference;
    private TensorShape inferenceShape;
    /** The loader whose weights the inference model holds. */
    private Consumer<ComposedModel> loadedBy;

    AvaValidation(List<AvaGroundTruth.Keyframe> keyframes, AvaCsvBoxSource proposals, KeyframeClips clips,
                  ModelConfig model, List<Integer> classIds, long seed) {
        this.keyframes = List.copyOf(keyframes);
        this.proposals = proposals;
        this.clips = clips;
        this.model = model;
        this.head = model.roiHead().create(DetectionHead.class);
        this.classIds = List.copyOf(classIds);
        this.seed = seed;
    }

    @Override
    public Map<String, Double> validate(ComposedModel trainingModel, int epoch) throws IOException {
        return new LinkedHashMap<>(evaluate(weights -> weights.copyWeightsFrom(trainingModel)));
    }

    /** Frame-mAP (and AP per class) of the model whose weights {@code load} gives. */
    public Map<String, Double> evaluate(Consumer<ComposedModel> load) throws IOException {
        return new AvaFrameMap(new AvaFrameMapConfig(0.5, classIds)).evaluate(samples(load)).values();
    }

    /** Each keyframe's detections and ground truth. */
    public List<DetectionSample> samples(Consumer<ComposedModel> load) throws IOException {
        List<DetectionSample> samples = new ArrayList<>(keyframes.size());
        for (AvaGroundTruth.Keyframe keyframe : keyframes) {
            String videoId = keyframe.key().videoId();
            List<ActorDetection> truth = new ArrayList<>();
            for (AvaGroundTruth.Person person : keyframe.people()) {
                person.actions().stream().sorted().forEach(action ->
                        truth.add(new ActorDetection(videoId, keyframe.seconds(), person.box(), action, 1)));
            }
            List<NormalizedBox> boxes = proposals == null ? keyframe.people().stream().map(AvaGroundTruth.Person::box)
                    .toList() : proposals.boxes(videoId, keyframe.seconds()).stream().map(PersonBox::box).toList();
            List<ActorDetection> predicted = new ArrayList<>();
            if (!boxes.isEmpty()) {
                FormattedClip clip = clips.clip(videoId, keyframe.seconds(), boxes, new SplittableRandom(seed));
                int[] shape = clip.shape();
                ComposedModel graph = inferenceFor(TensorShape.of(shape[0], shape[1], shape[2], shape[3], shape[4]), load);
                float[][] rois = new float[boxes.size()][];
                for (int i = 0; i < boxes.size(); i++) {
                    Box box = clip.boxes().get(i);
                    rois[i] = new float[] {0, box.x1(), box.y1(), box.x2(), box.y2()};
                }
                INDArray input = Nd4j.create(clip.values(), new long[] {1, shape[1], shape[2], shape[3], shape[4]}, 'c');
                Map<String, INDArray> outputs = graph.run(Map.of(ModelComposer.INPUT, input, ModelComposer.ROIS,
                        Nd4j.create(rois)));
                for (ActorDetection detection : head.decode(outputs, boxes, keyframe.seconds())) {
                    predicted.add(new ActorDetection(videoId, keyframe.seconds(), detection.box(), detection.actionId(),
                            detection.score()));
                }
            }
            samples.add(new DetectionSample(videoId, keyframe.key().second(), predicted, truth));
        }
        return samples;
    }

    /** The inference model for clips of this shape, given its weights by {@code load} once per evaluation. */
    private ComposedModel inferenceFor(TensorShape shape, Consumer<ComposedModel> load) {
        if (inference == null || !shape.equals(inferenceShape)) {
            close();
            inference = ModelComposer.compose(model, shape, seed);
            inferenceShape = shape;
            loadedBy = null;
        }
        if (loadedBy != load) {
            load.accept(inference);
            loadedBy = load;
        }
        return inference;
    }

    @Override
    public void close() {
        if (inference != null) {
            inference.close();
            inference = null;
        }
    }
}
