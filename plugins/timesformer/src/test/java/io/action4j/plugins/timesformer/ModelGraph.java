package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A TimeSformer backbone (scope {@code backbone}) and head (scope {@code cls_head}) in a fresh
 * graph, as the composer builds a model, for tests.
 */
record ModelGraph(SameDiff sameDiff, Feature features, Feature logits) {

    static final String INPUT = "input";

    /** Builds on an input of {@code batch x inChannels x numFrames x imgSize x imgSize}; batch may be unknown (-1). */
    static ModelGraph build(TimeSformerConfig backbone, TimeSformerHeadConfig head, long batch) {
        return build(backbone, head, TensorShape.of(batch, backbone.inChannels(), backbone.numFrames(),
                backbone.imgSize(), backbone.imgSize()));
    }

    /** Builds on an input of {@code shape}, which need not fit the config. */
    static ModelGraph build(TimeSformerConfig backbone, TimeSformerHeadConfig head, TensorShape shape) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sd, 0);
        Feature input = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, shape.dims()), shape);
        Feature features;
        try (var scope = graph.scope("backbone")) {
            features = new TimeSformerBackboneFactory().create(backbone).build(graph, input);
        }
        Feature logits;
        try (var scope = graph.scope("cls_head")) {
            logits = new TimeSformerHeadFactory().create(head).build(graph, features);
        }
        return new ModelGraph(sd, features, logits);
    }

    /** The features and the logits for {@code input}. */
    Map<String, INDArray> run(INDArray input) {
        String featureName = features.variable().name();
        String logitName = logits.variable().name();
        Map<String, INDArray> out = sameDiff.output(Map.of(INPUT, input), featureName, logitName);
        return Map.of("features", out.get(featureName), "logits", out.get(logitName));
    }

    /** Total elements of the trainable variables. */
    long parameterCount() {
        return sameDiff.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }

    INDArray parameter(String name) {
        SDVariable variable = sameDiff.getVariable(name);
        if (variable == null) {
            throw new AssertionError("no variable " + name);
        }
        return variable.getArr();
    }
}
