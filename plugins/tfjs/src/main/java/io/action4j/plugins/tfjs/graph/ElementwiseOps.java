package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Activations and additions; an addition of two constants (shape arithmetic) is folded in Java. */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    static void register(Map<String, OpMapper> mappers) {
        mappers.put("Add", ElementwiseOps::add);
        mappers.put("AddV2", ElementwiseOps::add);
        mappers.put("BiasAdd", ElementwiseOps::biasAdd);
        mappers.put("Sigmoid", node -> unary(node, node.graph().nn()::sigmoid));
        mappers.put("Relu", node -> unary(node, (name, x) -> node.graph().nn().relu(name, x, 0.0)));
        mappers.put("LeakyRelu", node -> unary(node, (name, x) ->
                node.graph().nn().leakyRelu(name, x, node.attributes().number("alpha", 0.2))));
    }

    @FunctionalInterface
    private interface Unary {
        SDVariable apply(String name, SDVariable input);
    }

    /** Elementwise: a pending transpose stays pending. */
    private static void unary(NodeContext node, Unary op) {
        node.expectInputs(1);
        if (node.input(0) instanceof GraphValue.Tensor tensor) {
            node.output(new GraphValue.Tensor(op.apply(node.name(), tensor.variable()), tensor.shape(),
                    tensor.permutation()));
        } else {
            node.output(op.apply(node.name(), node.variable(0)), node.input(0).shape());
        }
    }

    private static void add(NodeContext node) {
        node.expectInputs(2);
        long[] shape = broadcast(node, node.input(0).shape(), node.input(1).shape());
        if (node.allInputsConstant()) {
            node.output(new GraphValue.Constant(ConstantFolding.add(node, node.constant(0), node.constant(1), shape)));
            return;
        }
        GraphValue first = node.input(0);
        GraphValue second = node.input(1);
        if (first instanceof GraphValue.Tensor tensor && tensor.permuted() && tensor.rank() == shape.length) {
            addInStoredLayout(node, tensor, second, 1, shape);
        } else if (second instanceof GraphValue.Tensor tensor && tensor.permuted() && tensor.rank() == shape.length) {
            addInStoredLayout(node, tensor, first, 0, shape);
        } else {
            node.output(node.graph().math().add(node.name(), node.variable(0), node.variable(1)), shape);
        }
    }

    /**
     * {@code tensor + other} where {@code tensor} has a pending transpose: a constant (a bias) or a tensor with the
     * same pending transpose is added to the stored data, which keeps the transpose pending; anything else is
     * added in the value's own layout.
     */
    private static void addInStoredLayout(NodeContext node, GraphValue.Tensor tensor, GraphValue other,
                                          int otherIndex, long[] shape) {
        int[] permutation = tensor.permutation();
        SDVariable stored;
        if (other instanceof GraphValue.Constant constant) {
            stored = node.graph().constant(node.name() + "/stored_" + otherIndex,
                    storedConstant(constant.tensor(), permutation));
        } else if (other instanceof GraphValue.Tensor same && same.permuted()
                && Arrays.equals(same.permutation(), permutation)) {
            stored = same.variable();
        } else {
            node.output(node.graph().math().add(node.name(), node.variable(0), node.variable(1)), shape);
            return;
        }
        node.output(new GraphValue.Tensor(node.graph().math().add(node.name(), tensor.variable(), stored), shape,
                permutation));
    }

    /** A constant broadcast against a transposed value, rearranged to broadcast against its stored data. */
    private static INDArray storedConstant(ConstantTensor constant, int[] permutation) {
        int rank = permutation.length;
        long[] expanded = new long[rank];
        Arrays.fill(expanded, 1);
        System.arraycopy(constant.shape(), 0, expanded, rank - constant.rank(), constant.rank());
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[permutation[i]] = i;
        }
        return constant.toArray().reshape('c', expanded).permute(inverse).dup('c');
    }

    /** A bias vector added along the channel axis of either data format. */
    private static void biasAdd(NodeContext node) {
        node.expectInputs(2);
        GraphValue input = node.input(0);
        ConstantTensor bias = node.constant(1);
        String format = node.attributes().string("data_format", "NHWC");
        int channelAxis = switch (format) {
            case "NHWC" -> input.rank() - 1;
            case "NCHW" -> 1;
            default -> throw node.attributes().invalid("data_format", "is " + format + "; supported: NHWC, NCHW");
        };
        long channels = input.shape()[channelAxis];
        if (bias.rank() != 1 || (channels >= 0 && bias.shape()[0] != channels)) {
            throw node.error("bias " + bias + " does not fit " + channels + " channels");
        }
        SDVariable biasVariable = node.variable(1);
        if (channelAxis != input.rank() - 1) {
            // Channels first: the bias becomes [C, 1, 1] so that it broadcasts over height and width.
            long[] shape = new long[input.rank() - channelAxis];
            Arrays.fill(shape, 1);
            shape[0] = bias.shape()[0];
            biasVariable = node.graph().reshape(node.name() + "/bias", biasVariable, shape);
        }
        node.output(node.graph().math().add(node.name(), node.variable(0), biasVariable), input.shape());
    }

    /** NumPy broadcasting of two shapes ({@code -1} unknown), or an error naming the node. */
    static long[] broadcast(NodeContext node, long[] first, long[] second) {
        int rank = Math.max(first.length, second.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long a = i < rank - first.length ? 1 : first[i - (rank - first.length)];
            long b = i < rank - second.length ? 1 : second[i - (rank - second.length)];
            if (a == b || b == 1) {
                out[i] = a;
            } else if (a == 1) {
                out[i] = b;
            } else if (a < 0 || b < 0) {
                out[i] = Math.max(a, b);
            } else {
                throw node.error("shapes " + Arrays.toString(first) + " and " + Arrays.toString(second)
                        + " do not broadcast");
            }
        }
        return out;
    }
}
