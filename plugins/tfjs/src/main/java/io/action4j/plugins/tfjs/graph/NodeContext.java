package io.action4j.plugins.tfjs.graph;

import io.action4j.plugins.tfjs.graph.ModelJson.NodeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One node being imported, as an {@link OpMapper} sees it: its inputs (data inputs only, in order), its
 * attributes, the graph under construction, and where its outputs go.
 */
final class NodeContext {

    private final NodeDef node;
    private final List<GraphValue> inputs;
    private final SameDiff graph;
    private final NodeAttributes attributes;
    private final List<GraphValue> outputs = new ArrayList<>();
    private final Layouts layouts;

    NodeContext(NodeDef node, List<GraphValue> inputs, SameDiff graph, Layouts layouts) {
        this.node = node;
        this.inputs = List.copyOf(inputs);
        this.graph = graph;
        this.layouts = layouts;
        this.attributes = new NodeAttributes(node.name(), node.op(), node.attributes());
    }

    String name() {
        return node.name();
    }

    String op() {
        return node.op();
    }

    SameDiff graph() {
        return graph;
    }

    NodeAttributes attributes() {
        return attributes;
    }

    int inputCount() {
        return inputs.size();
    }

    /** Fails naming the node unless it has exactly {@code count} data inputs. */
    void expectInputs(int count) {
        if (inputs.size() != count) {
            throw error("expects " + count + " inputs, has " + inputs.size());
        }
    }

    GraphValue input(int index) {
        return inputs.get(index);
    }

    boolean allInputsConstant() {
        return inputs.stream().allMatch(GraphValue.Constant.class::isInstance);
    }

    /** Input {@code index}, which must be known while importing (a weight, a shape, an axis). */
    ConstantTensor constant(int index) {
        if (inputs.get(index) instanceof GraphValue.Constant constant) {
            return constant.tensor();
        }
        throw error("input " + index + " must be a constant, is computed by the graph");
    }

    /** Input {@code index} as an integer vector (a shape, a permutation, paddings). */
    long[] integers(int index) {
        ConstantTensor tensor = constant(index);
        if (!tensor.isInteger()) {
            throw error("input " + index + " must hold integers, holds " + tensor);
        }
        return Arrays.stream(tensor.ints()).asLongStream().toArray();
    }

    /** Where pending transposes are emitted, once per value. */
    Layouts layouts() {
        return layouts;
    }

    /**
     * Input {@code index} in the graph, in its own layout (a pending transpose emitted): a constant becomes a
     * SameDiff constant named after its node.
     */
    SDVariable variable(int index) {
        return asVariable(inputs.get(index), node.inputs().get(index));
    }

    /** Input {@code index} with its rank checked. */
    GraphValue.Tensor tensor(int index, int rank) {
        GraphValue value = inputs.get(index);
        if (value.rank() != rank) {
            throw error("input " + index + " must have rank " + rank + ", has shape " + Arrays.toString(value.shape()));
        }
        return new GraphValue.Tensor(asVariable(value, node.inputs().get(index)), value.shape());
    }

    private SDVariable asVariable(GraphValue value, String reference) {
        if (value instanceof GraphValue.Tensor tensor) {
            return layouts.materialize(tensor);
        }
        ConstantTensor constant = ((GraphValue.Constant) value).tensor();
        String name = reference.replace(':', '_');
        return graph.hasVariable(name) ? graph.getVariable(name) : graph.constant(name, constant.toArray());
    }

    void output(SDVariable variable, long[] shape) {
        outputs.add(new GraphValue.Tensor(variable, shape));
    }

    void output(GraphValue value) {
        outputs.add(value);
    }

    List<GraphValue> outputs() {
        return outputs;
    }

    TfjsModelException error(String problem) {
        return new TfjsModelException("node '" + node.name() + "' (" + node.op() + "): " + problem);
    }
}
