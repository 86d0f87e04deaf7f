package io.action4j.testing;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph.Batch;
import io.action4j.testing.ComponentGraph.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A backbone (scope {@code backbone}) and a recognition head on its features (scope {@code cls_head})
 * in one graph, as the model composer builds a recognizer: for the tests that need the two together
 * (a whole model's parameter count, parity of features and logits with a reference). Each component
 * has a {@link ComponentGraph} view of the shared graph, to look its parameters up by local name.
 */
public record RecognizerGraph(ComponentGraph backbone, ComponentGraph head) {

    /** The keys of {@link #run}'s outputs: the backbone's and the head's. */
    public static final String FEATURES = "features";
    public static final String LOGITS = "logits";

    /** {@code backbone} on an input of {@code shape} (its batch size is opened), then {@code head}. */
    public static RecognizerGraph build(Backbone backbone, RecognitionHead head, long seed, TensorShape shape) {
        return build(backbone, head, seed, shape, Batch.OPEN);
    }

    /** The same with the batch size opened or kept as {@code batch} says. */
    public static RecognizerGraph build(Backbone backbone, RecognitionHead head, long seed, TensorShape shape,
                                        Batch batch) {
        return build(GraphBuilders.create(SameDiff.create(), seed), shape, batch, backbone::build, head::build);
    }

    /**
     * What {@code backbone} and then {@code head} build, with a builder set up by the caller; the
     * components need not be plugins' (a head's layers written out in a test).
     */
    public static RecognizerGraph build(GraphBuilder graph, TensorShape shape, Batch batch, Component backbone,
                                        Component head) {
        ComponentGraph backboneGraph = ComponentGraph.build(ComponentGraph.BACKBONE, graph, shape, batch, backbone);
        ComponentGraph headGraph = ComponentGraph.on(ComponentGraph.CLS_HEAD, graph, backboneGraph.output(), head);
        return new RecognizerGraph(backboneGraph, headGraph);
    }

    public SameDiff sameDiff() {
        return backbone.sameDiff();
    }

    /** The features ({@link #FEATURES}) and the logits ({@link #LOGITS}) for {@code input}, from one run. */
    public Map<String, INDArray> run(INDArray input) {
        String features = backbone.output().variable().name();
        String logits = head.output().variable().name();
        Map<String, INDArray> out = sameDiff().output(Map.of(ComponentGraph.INPUT, input), features, logits);
        return Map.of(FEATURES, out.get(features), LOGITS, out.get(logits));
    }

    /**
     * Sets parameters and buffers from a state dict under MMAction2's Recognizer keys, the component's
     * scope then its local name ({@code backbone.conv1.conv.weight}, {@code cls_head.fc_cls.bias}), each
     * tensor laid out by {@code toGraphLayout} as in {@link ComponentGraph#load}.
     *
     * @return the full names of the variables set
     * @throws AssertionError naming a key of no component, or as {@link ComponentGraph#load} does
     */
    public Set<String> load(Map<String, INDArray> stateDict, Function<INDArray, INDArray> toGraphLayout) {
        Map<String, Map<String, INDArray>> byComponent = Map.of(backbone.scope(), new LinkedHashMap<>(),
                head.scope(), new LinkedHashMap<>());
        stateDict.forEach((key, tensor) -> {
            int dot = key.indexOf('.');
            Map<String, INDArray> local = dot < 0 ? null : byComponent.get(key.substring(0, dot));
            if (local == null) {
                throw new AssertionError(key + ": not under " + backbone.scope() + ". or " + head.scope() + ".");
            }
            local.put(key.substring(dot + 1), tensor);
        });
        Set<String> loaded = new TreeSet<>(backbone.load(byComponent.get(backbone.scope()), toGraphLayout));
        loaded.addAll(head.load(byComponent.get(head.scope()), toGraphLayout));
        return loaded;
    }

    /** Total elements of the trainable variables, the backbone's and the head's: the model's parameter count. */
    public long parameterCount() {
        return backbone.elementsOf(VariableType.VARIABLE);
    }

    /** The full names of every parameter and buffer of both components; see {@link ComponentGraph#parameterNames()}. */
    public Set<String> parameterNames() {
        return backbone.parameterNames();
    }

    /** The full names of the graph's variables of {@code type} (VARIABLE: the trainable parameters). */
    public Set<String> parameterNames(VariableType type) {
        return backbone.parameterNames(type);
    }
}
