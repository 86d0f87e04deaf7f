package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.factory.Nd4j;

/** Ops that move data without computing on it: transpose, reshape, pad, concatenate, split, identity. */
final class ArrayOps {

    private ArrayOps() {
    }

    static void register(Map<String, OpMapper> mappers) {
        mappers.put("Identity", ArrayOps::identity);
        mappers.put("Transpose", ArrayOps::transpose);
        mappers.put("Reshape", ArrayOps::reshape);
        mappers.put("Pad", node -> pad(node, false));
        mappers.put("PadV2", node -> pad(node, true));
        mappers.put("ConcatV2", ArrayOps::concat);
        mappers.put("SplitV", ArrayOps::split);
    }

    private static void identity(NodeContext node) {
        node.expectInputs(1);
        node.output(node.input(0));
    }

    private static void transpose(NodeContext node) {
        node.expectInputs(2);
        GraphValue input = node.input(0);
        long[] permutation = node.integers(1);
        int rank = input.rank();
        if (permutation.length != rank || !isPermutation(permutation)) {
            throw node.error("permutation " + Arrays.toString(permutation) + " does not fit rank " + rank);
        }
        int[] axes = Arrays.stream(permutation).mapToInt(axis -> (int) axis).toArray();
        long[] in = input.shape();
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = in[axes[i]];
        }
        if (input instanceof GraphValue.Tensor tensor) {
            node.output(Layouts.transpose(tensor, axes, out));
        } else {
            node.output(node.graph().permute(node.name(), node.variable(0), axes), out);
        }
    }

    private static boolean isPermutation(long[] axes) {
        boolean[] seen = new boolean[axes.length];
        for (long axis : axes) {
            if (axis < 0 || axis >= axes.length || seen[(int) axis]) {
                return false;
            }
            seen[(int) axis] = true;
        }
        return true;
    }

    private static void reshape(NodeContext node) {
        node.expectInputs(2);
        GraphValue input = node.input(0);
        long[] shape = resolveReshape(node, input.shape(), node.integers(1));
        node.output(node.graph().reshape(node.name(), node.variable(0), shape), shape);
    }

    /** The target shape with its one {@code -1} worked out where the input's size is known. */
    private static long[] resolveReshape(NodeContext node, long[] in, long[] target) {
        long[] shape = target.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (shape[i] < 0) {
                throw node.error("cannot reshape to " + Arrays.toString(target));
            } else {
                known *= shape[i];
            }
        }
        long size = Arrays.stream(in).allMatch(dimension -> dimension >= 0)
                ? Arrays.stream(in).reduce(1, Math::multiplyExact) : -1;
        if (size < 0) {
            return shape;
        }
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw node.error("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
            }
            shape[inferred] = size / known;
        } else if (known != size) {
            throw node.error("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
        }
        return shape;
    }

    /** {@code Pad} (zeros) and {@code PadV2} (a constant value, e.g. -inf before a max pool). */
    private static void pad(NodeContext node, boolean withValue) {
        node.expectInputs(withValue ? 3 : 2);
        GraphValue input = node.input(0);
        ConstantTensor paddings = node.constant(1);
        int rank = input.rank();
        if (!paddings.isInteger() || paddings.rank() != 2 || paddings.shape()[0] != rank || paddings.shape()[1] != 2) {
            throw node.error("paddings must be an integer [" + rank + ", 2] constant, is " + paddings);
        }
        double value = 0.0;
        if (withValue) {
            ConstantTensor constantValue = node.constant(2);
            if (constantValue.size() != 1) {
                throw node.error("constant_values must be a scalar, is " + constantValue);
            }
            value = constantValue.value(0);
        }
        long[] out = input.shape().clone();
        for (int axis = 0; axis < rank; axis++) {
            int before = paddings.ints()[2 * axis];
            int after = paddings.ints()[2 * axis + 1];
            if (before < 0 || after < 0) {
                throw node.error("negative paddings " + Arrays.toString(paddings.ints()));
            }
            out[axis] = out[axis] < 0 ? -1 : out[axis] + before + after;
        }
        // A pending transpose stays pending: the data is padded along the axes it stores.
        GraphValue.Tensor tensor = input instanceof GraphValue.Tensor pending ? pending
                : new GraphValue.Tensor(node.variable(0), input.shape());
        int[][] sides = new int[rank][2];
        for (int stored = 0; stored < rank; stored++) {
            int axis = Layouts.valueAxis(tensor, stored);
            sides[stored] = new int[] {paddings.ints()[2 * axis], paddings.ints()[2 * axis + 1]};
        }
        SDVariable paddingVariable = node.graph().constant(node.name() + "/paddings", Nd4j.createFromArray(sides));
        node.output(new GraphValue.Tensor(node.graph().nn().pad(node.name(), tensor.variable(), paddingVariable,
                PadMode.CONSTANT, value), out, tensor.permutation()));
    }

    private static void concat(NodeContext node) {
        int count = node.inputCount() - 1;
        if (count < 1) {
            throw node.error("needs at least one tensor and an axis");
        }
        int rank = node.input(0).rank();
        int axis = axis(node, node.integers(count), rank);
        SDVariable[] parts = new SDVariable[count];
        long[] out = node.input(0).shape().clone();
        out[axis] = 0;
        for (int i = 0; i < count; i++) {
            long[] shape = node.input(i).shape();
            if (shape.length != rank) {
                throw node.error("input " + i + " has rank " + shape.length + ", input 0 rank " + rank);
            }
            out[axis] = out[axis] < 0 || shape[axis] < 0 ? -1 : out[axis] + shape[axis];
        }
        int[] layout = commonPermutation(node, count);
        for (int i = 0; i < count; i++) {
            parts[i] = layout == null ? node.variable(i) : ((GraphValue.Tensor) node.input(i)).variable();
        }
        int storedAxis = layout == null ? axis : layout[axis];
        node.output(new GraphValue.Tensor(node.graph().concat(node.name(), storedAxis, parts), out, layout));
    }

    /** The pending transpose all of the first {@code count} inputs share, or {@code null} (then none is kept). */
    private static int[] commonPermutation(NodeContext node, int count) {
        int[] common = null;
        for (int i = 0; i < count; i++) {
            if (!(node.input(i) instanceof GraphValue.Tensor tensor) || !tensor.permuted()
                    || (common != null && !Arrays.equals(common, tensor.permutation()))) {
                return null;
            }
            common = tensor.permutation();
        }
        return common;
    }

    /** {@code SplitV}: pieces of the given sizes (at most one {@code -1}, the rest) along one axis. */
    private static void split(NodeContext node) {
        node.expectInputs(3);
        GraphValue input = node.input(0);
        long[] sizes = node.integers(1);
        int axis = axis(node, node.integers(2), input.rank());
        long length = input.shape()[axis];
        int rest = -1;
        long given = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1 && rest < 0) {
                rest = i;
            } else if (sizes[i] < 0) {
                throw node.error("split sizes " + Arrays.toString(sizes));
            } else {
                given += sizes[i];
            }
        }
        if (rest >= 0) {
            if (length < 0) {
                throw node.error("a -1 split size needs the axis length, which is unknown");
            }
            sizes[rest] = length - given;
        }
        if (length >= 0 && Arrays.stream(sizes).sum() != length) {
            throw node.error("split sizes " + Arrays.toString(sizes) + " do not add up to " + length);
        }
        String[] names = new String[sizes.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = i == 0 ? node.name() : node.name() + "_" + i;
        }
        SDVariable sizeVariable = node.graph().constant(node.name() + "/sizes",
                Nd4j.createFromArray(Arrays.stream(sizes).mapToInt(size -> (int) size).toArray()));
        GraphValue.Tensor tensor = input instanceof GraphValue.Tensor pending ? pending
                : new GraphValue.Tensor(node.variable(0), input.shape());
        SDVariable[] pieces = node.graph().splitV(names, tensor.variable(), sizeVariable, sizes.length,
                Layouts.storedAxis(tensor, axis));
        for (int i = 0; i < pieces.length; i++) {
            long[] shape = input.shape().clone();
            shape[axis] = sizes[i];
            node.output(new GraphValue.Tensor(pieces[i], shape, tensor.permutation()));
        }
    }

    /** A scalar axis constant, negative counting from the end. */
    static int axis(NodeContext node, long[] value, int rank) {
        if (value.length != 1) {
            throw node.error("the axis must be one integer, got " + Arrays.toString(value));
        }
        long axis = value[0] < 0 ? value[0] + rank : value[0];
        if (axis < 0 || axis >= rank) {
            throw node.error("axis " + value[0] + " is outside rank " + rank);
        }
        return (int) axis;
    }
}
