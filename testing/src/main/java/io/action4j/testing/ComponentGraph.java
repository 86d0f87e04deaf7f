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
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One component built alone into a fresh graph, inside the scope the composer gives it
 * ({@code backbone}, {@code cls_head}), on an {@code input} placeholder whose batch size is open:
 * what a component's tests run, compare and inspect.
 *
 * @param scope the component's scope, which its parameters' names start with ({@code backbone/conv1.weight})
 */
public record ComponentGraph(SameDiff sameDiff, String scope, Feature output) {

    public static final String INPUT = "input";

    /** {@code backbone} built on an input of {@code shape} (its batch size is opened). */
    public static ComponentGraph backbone(Backbone backbone, long seed, TensorShape shape) {
        return build("backbone", seed, shape, (graph, input) -> backbone.build(graph, input));
    }

    /** {@code head} built on features of {@code shape} (its batch size is opened). */
    public static ComponentGraph head(RecognitionHead head, long seed, TensorShape shape) {
        return build("cls_head", seed, shape, (graph, input) -> head.build(graph, input));
    }

    /** What {@code component} builds from the input, inside {@code scope}. */
    public static ComponentGraph build(String scope, long seed, TensorShape shape, Component component) {
        return build(scope, new GraphBuilder(SameDiff.create(), seed), shape, component);
    }

    /** The same with a builder set up by the caller (e.g. {@link GraphBuilder#training}). */
    public static ComponentGraph build(String scope, GraphBuilder graph, TensorShape shape, Component component) {
        TensorShape open = shape.with(0, TensorShape.UNKNOWN);
        SameDiff sd = graph.sameDiff();
        Feature input = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, open.dims()), open);
        Feature output;
        try (NameScope ignored = graph.scope(scope)) {
            output = component.build(graph, input);
        }
        return new ComponentGraph(sd, scope, output);
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
        return sameDiff.variables().stream()
                .filter(variable -> variable.getVariableType() == type)
                .mapToLong(variable -> variable.getArr().length())
                .sum();
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
        Set<String> names = new TreeSet<>();
        for (SDVariable variable : sameDiff.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
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
