package io.action4j.testing;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One component built alone into a fresh graph, inside the scope the composer gives it
 * ({@code backbone}, {@code cls_head}), on an {@code input} placeholder whose batch size is open
 * unless {@link Batch#KEEP} says otherwise: what a component's tests run, compare and inspect.
 *
 * @param scope the component's scope, which its parameters' names start with ({@code backbone/conv1.weight})
 */
public record ComponentGraph(SameDiff sameDiff, String scope, Feature output) {

    public static final String INPUT = "input";
    /** The scopes the model composer builds a recognizer's components in. */
    public static final String BACKBONE = "backbone";
    public static final String CLS_HEAD = "cls_head";

    /** What becomes of the batch size (dim 0) of the input shape a graph is built on. */
    public enum Batch {
        /** Opened, as the model composer does: the graph runs on any batch. */
        OPEN,
        /** Kept as given, for tests that a declared batch size comes through the layers. */
        KEEP;

        TensorShape of(TensorShape shape) {
            return this == OPEN ? shape.with(0, TensorShape.UNKNOWN) : shape;
        }
    }

    /** {@code backbone} built on an input of {@code shape} (its batch size is opened). */
    public static ComponentGraph backbone(Backbone backbone, long seed, TensorShape shape) {
        return build(BACKBONE, seed, shape, (graph, input) -> backbone.build(graph, input));
    }

    /** {@code head} built on features of {@code shape} (its batch size is opened). */
    public static ComponentGraph head(RecognitionHead head, long seed, TensorShape shape) {
        return build(CLS_HEAD, seed, shape, (graph, input) -> head.build(graph, input));
    }

    /** What {@code component} builds from the input, inside {@code scope}. */
    public static ComponentGraph build(String scope, long seed, TensorShape shape, Component component) {
        return build(scope, GraphBuilders.create(SameDiff.create(), seed), shape, component);
    }

    /** The same with a builder set up by the caller (e.g. {@link GraphBuilder#training}). */
    public static ComponentGraph build(String scope, GraphBuilder graph, TensorShape shape, Component component) {
        return build(scope, graph, shape, Batch.OPEN, component);
    }

    /** The same with the batch size opened or kept as {@code batch} says. */
    public static ComponentGraph build(String scope, GraphBuilder graph, TensorShape shape, Batch batch,
                                       Component component) {
        TensorShape inputShape = batch.of(shape);
        SameDiff sd = graph.sameDiff();
        Feature input = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, inputShape.dims()), inputShape);
        return on(scope, graph, input, component);
    }

    /** What {@code component} builds, inside {@code scope}, on {@code input}, a feature already in the graph. */
    static ComponentGraph on(String scope, GraphBuilder graph, Feature input, Component component) {
        Feature output;
        try (NameScope ignored = graph.scope(scope)) {
            output = component.build(graph, input);
        }
        return new ComponentGraph(graph.sameDiff(), scope, output);
    }

    /** Builds the component's layers on the graph's input. */
    @FunctionalInterface
    public interface Component {
        Feature build(GraphBuilder graph, Feature input);
    }

    /** Runs the graph on {@code input}; returns the component's output. */
    public INDArray run(INDArray input) {
        String name = output.variable().name();
        return sameDiff.output(Map.of(INPUT, input), name).get(name);
    }

    /** Total elements of the graph's variables of {@code type} (trainable: VARIABLE; buffers: CONSTANT). */
    public long elementsOf(VariableType type) {
        return elements(variable -> variable.getVariableType() == type);
    }

    /**
     * Total elements of this component's variables of {@code type}, those under its scope: its share of
     * a graph it shares with another component ({@link RecognizerGraph}).
     */
    public long elementsInScope(VariableType type) {
        return elements(variable -> variable.getVariableType() == type && variable.name().startsWith(scope + "/"));
    }

    private long elements(Predicate<SDVariable> which) {
        return sameDiff.variables().stream().filter(which).mapToLong(variable -> variable.getArr().length()).sum();
    }

    /** Whether the component has the parameter or buffer {@code localName}, e.g. {@code conv1.conv.weight}. */
    public boolean hasParameter(String localName) {
        return sameDiff.hasVariable(scope + "/" + localName);
    }

    /** The values of the parameter or buffer {@code localName} (assign to them to load weights). */
    public INDArray parameter(String localName) {
        return variable(localName).getArr();
    }

    /** The graph variable of the parameter or buffer {@code localName}. */
    public SDVariable variable(String localName) {
        SDVariable variable = sameDiff.getVariable(scope + "/" + localName);
        if (variable == null) {
            throw new AssertionError("no variable " + scope + "/" + localName);
        }
        return variable;
    }

    /** The full names of every parameter (VARIABLE) and buffer (CONSTANT) in the graph. */
    public Set<String> parameterNames() {
        Set<String> names = parameterNames(VariableType.VARIABLE);
        names.addAll(parameterNames(VariableType.CONSTANT));
        return names;
    }

    /**
     * The full names of the graph's variables of {@code type}: VARIABLE for the trainable parameters
     * alone, as some constants (a layer's repeat counts, SameDiff's own) are no state-dict entries.
     */
    public Set<String> parameterNames(VariableType type) {
        Set<String> names = new TreeSet<>();
        for (SDVariable variable : sameDiff.variables()) {
            if (variable.getVariableType() == type) {
                names.add(variable.name());
            }
        }
        return names;
    }

    /**
     * Sets parameters and buffers from a PyTorch state dict whose keys are local names, each tensor
     * laid out for ND4J by {@code toGraphLayout} (see {@link TorchLayout}).
     *
     * @return the full names of the variables set
     * @throws AssertionError naming a key the component lacks, or a tensor of another shape
     */
    public Set<String> load(Map<String, INDArray> stateDict, Function<INDArray, INDArray> toGraphLayout) {
        Set<String> loaded = new TreeSet<>();
        stateDict.forEach((key, tensor) -> {
            SDVariable target = variable(key);
            INDArray value = toGraphLayout.apply(tensor);
            if (!Arrays.equals(target.getArr().shape(), value.shape())) {
                throw new AssertionError(key + ": the graph holds " + Arrays.toString(target.getArr().shape())
                        + ", the state dict gives " + Arrays.toString(value.shape()));
            }
            target.getArr().assign(value);
            loaded.add(target.name());
        });
        return loaded;
    }
}
