package io.action4j.registry.fakes;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.DetectionHeadFactory;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code tiny_roi}: pools each clip's features, gives every box its clip's pooled vector, and
 * scores the actions with a linear layer and a sigmoid (multi-label).
 */
public final class TinyDetectionHeadFactory implements DetectionHeadFactory<TinyDetectionHeadFactory.Config> {

    public static final String NAME = "tiny_roi";

    public record Config(int numClasses) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return new Config(2);
    }

    @Override
    public DetectionHead create(Config config) {
        return new DetectionHead() {
            @Override
            public int numClasses() {
                return config.numClasses();
            }

            @Override
            public Map<String, Feature> build(GraphBuilder graph, Feature features, Feature rois) {
                var sd = graph.sameDiff();
                Feature pooled = graph.globalAveragePool("pool", features);
                var clipIndex = sd.castTo(rois.variable().get(org.nd4j.autodiff.samediff.SDIndex.all(),
                        org.nd4j.autodiff.samediff.SDIndex.point(0)), DataType.INT);
                var perBox = sd.gather(pooled.variable(), clipIndex, 0);
                Feature logits = graph.linear("fc", new Feature(perBox, pooled.shape()), config.numClasses(), 0.01);
                var scores = sd.nn().sigmoid("scores", logits.variable());
                return Map.of("scores", new Feature(scores, TensorShape.of(TensorShape.UNKNOWN, config.numClasses())));
            }

            @Override
            public List<ActorDetection> decode(Map<String, INDArray> outputs, List<NormalizedBox> boxes, double timestampSeconds) {
                INDArray scores = outputs.get("scores");
                List<ActorDetection> detections = new ArrayList<>();
                for (int b = 0; b < boxes.size(); b++) {
                    for (int c = 0; c < config.numClasses(); c++) {
                        detections.add(new ActorDetection("video", timestampSeconds, boxes.get(b), c + 1, scores.getFloat(b, c)));
                    }
                }
                return detections;
            }
        };
    }
}
