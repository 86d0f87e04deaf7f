package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import java.util.Map;

/**
 * Ops that SameDiff does not run here but whose inputs are all known while importing: folded in Java.
 * tfjs converters leave {@code SparseToDense} on constants behind when they compute a shape (NanoDet's
 * reshape targets are {@code [1, 80, -1] + SparseToDense(...)}).
 */
final class ConstantFolding {

    /** Bounds a folded tensor, so that a hostile {@code output_shape} cannot ask for an absurd allocation. */
    static final long MAX_ELEMENTS = 1L << 24;

    private ConstantFolding() {
    }

    static void register(Map<String, OpMapper> mappers) {
        mappers.put("SparseToDense", ConstantFolding::sparseToDense);
    }

    /**
     * {@code SparseToDense(indices, output_shape, values, default_value)}: {@code default_value} everywhere
     * except at {@code indices}, which take {@code values} (one each, or one scalar for all).
     */
    private static void sparseToDense(NodeContext node) {
        node.expectInputs(4);
        if (!node.allInputsConstant()) {
            throw node.error("needs constant inputs: only shape arithmetic on constants is folded");
        }
        ConstantTensor indices = node.constant(0);
        long[] shape = node.integers(1);
        ConstantTensor values = node.constant(2);
        ConstantTensor fallback = node.constant(3);
        if (!indices.isInteger() || fallback.size() != 1) {
            throw node.error("indices must be integers and default_value a scalar");
        }
        long size = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw node.error("output_shape " + Arrays.toString(shape) + " is negative");
            }
            size = Math.multiplyExact(size, dimension);
        }
        if (size > MAX_ELEMENTS) {
            throw node.error("output_shape " + Arrays.toString(shape) + " is too large to fold");
        }
        int rank = shape.length;
        int count = indices.rank() == 0 ? 1 : (int) indices.shape()[0];
        int perIndex = indices.rank() == 2 ? (int) indices.shape()[1] : 1;
        if (perIndex != Math.max(rank, 1) || (values.size() != count && values.size() != 1)) {
            throw node.error("indices " + indices + " and values " + values + " do not fit output_shape "
                    + Arrays.toString(shape));
        }
        double[] dense = new double[(int) size];
        Arrays.fill(dense, fallback.value(0));
        for (int entry = 0; entry < count; entry++) {
            long offset = 0;
            for (int axis = 0; axis < perIndex; axis++) {
                long index = indices.ints()[entry * perIndex + axis];
                long dimension = rank == 0 ? 1 : shape[axis];
                if (index < 0 || index >= dimension) {
                    throw node.error("index " + index + " is outside output_shape " + Arrays.toString(shape));
                }
                offset = offset * dimension + index;
            }
            dense[(int) offset] = values.value(values.size() == 1 ? 0 : entry);
        }
        boolean integer = values.isInteger() && fallback.isInteger();
        node.output(new GraphValue.Constant(tensor(shape, dense, integer)));
    }

    /** Elementwise sum of two constants with NumPy broadcasting into {@code shape}. */
    static ConstantTensor add(NodeContext node, ConstantTensor first, ConstantTensor second, long[] shape) {
        if (first.isInteger() != second.isInteger()) {
            throw node.error("adds " + first + " to " + second + ": the types differ");
        }
        int size = (int) ConstantTensor.elementCount(shape);
        double[] sum = new double[size];
        for (int i = 0; i < size; i++) {
            sum[i] = first.value(sourceIndex(i, shape, first.shape())) + second.value(sourceIndex(i, shape, second.shape()));
        }
        return tensor(shape, sum, first.isInteger());
    }

    /** The element of a broadcast operand with shape {@code from} that output element {@code index} reads. */
    private static int sourceIndex(int index, long[] shape, long[] from) {
        int source = 0;
        int stride = 1;
        int remaining = index;
        int offset = shape.length - from.length;
        int[] position = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            position[axis] = (int) (remaining % shape[axis]);
            remaining /= (int) shape[axis];
        }
        for (int axis = from.length - 1; axis >= 0; axis--) {
            int coordinate = from[axis] == 1 ? 0 : position[axis + offset];
            source += coordinate * stride;
            stride *= (int) from[axis];
        }
        return source;
    }

    private static ConstantTensor tensor(long[] shape, double[] values, boolean integer) {
        if (integer) {
            return ConstantTensor.ofInts(shape, Arrays.stream(values).mapToInt(value -> (int) value).toArray());
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return ConstantTensor.ofFloats(shape, floats);
    }
}
