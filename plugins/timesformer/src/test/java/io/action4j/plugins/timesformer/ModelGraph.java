package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.Map;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A TimeSformer backbone (scope {@code backbone}) and head (scope {@code cls_head}) in one graph, as
 * the composer builds a model: a {@link ComponentGraph} for each, sharing the graph. Built here
 * rather than by {@link ComponentGraph#build}, which builds one component and opens the batch size:
 * these tests run the head on the backbone's features and also declare a known batch size.
 */
record ModelGraph(ComponentGraph backbone, ComponentGraph head) {

    /** Builds on an input of {@code batch x inChannels x numFrames x imgSize x imgSize}; batch may be unknown (-1). */
    static ModelGraph build(TimeSformerConfig backbone, TimeSformerHeadConfig head, long batch) {
        return build(backbone, head, TensorShape.of(batch, backbone.inChannels(), backbone.numFrames(),
                backbone.imgSize(), backbone.imgSize()));
    }

    /** Builds on an input of {@code shape}, which need not fit the config. */
    static ModelGraph build(TimeSformerConfig backbone, TimeSformerHeadConfig head, TensorShape shape) {
        GraphBuilder graph = new GraphBuilder(SameDiff.create(), 0);
        SameDiff sd = graph.sameDiff();
        Feature input = new Feature(sd.placeHolder(ComponentGraph.INPUT, DataType.FLOAT, shape.dims()), shape);
        Feature features;
        try (NameScope scope = graph.scope("backbone")) {
            features = new TimeSformerBackboneFactory().create(backbone).build(graph, input);
        }
        Feature logits;
        try (NameScope scope = graph.scope("cls_head")) {
            logits = new TimeSformerHeadFactory().create(head).build(graph, features);
        }
        return new ModelGraph(new ComponentGraph(sd, "backbone", features), new ComponentGraph(sd, "cls_head", logits));
    }

    /** The features and the logits for {@code input}, from one run. */
    Map<String, INDArray> run(INDArray input) {
        String featureName = backbone.output().variable().name();
        String logitName = head.output().variable().name();
        Map<String, INDArray> out = backbone.sameDiff().output(Map.of(ComponentGraph.INPUT, input), featureName,
                logitName);
        return Map.of("features", out.get(featureName), "logits", out.get(logitName));
    }

    /** Total elements of the model's trainable variables, the backbone's and the head's. */
    long parameterCount() {
        return backbone.elementsOf(VariableType.VARIABLE);
    }
}
