package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tensor whose value is known while importing: a weight, or a shape computed from weights. Held in
 * Java so that shape arithmetic ({@code SparseToDense}, integer {@code Add}) folds before the graph exists;
 * exactly one of {@code floats} and {@code ints} is set.
 */
record ConstantTensor(long[] shape, float[] floats, int[] ints) {

    ConstantTensor {
        if ((floats == null) == (ints == null)) {
            throw new IllegalArgumentException("a constant holds either floats or ints");
        }
        long size = elementCount(shape);
        int length = floats != null ? floats.length : ints.length;
        if (size != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + length);
        }
    }

    static ConstantTensor ofFloats(long[] shape, float[] values) {
        return new ConstantTensor(shape, values, null);
    }

    static ConstantTensor ofInts(long[] shape, int[] values) {
        return new ConstantTensor(shape, null, values);
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    boolean isInteger() {
        return ints != null;
    }

    int size() {
        return isInteger() ? ints.length : floats.length;
    }

    int rank() {
        return shape.length;
    }

    /** Element {@code index} in row-major order, as a double. */
    double value(int index) {
        return isInteger() ? ints[index] : floats[index];
    }

    INDArray toArray() {
        if (shape.length == 0) {
            return isInteger() ? Nd4j.scalar(ints[0]) : Nd4j.scalar(floats[0]);
        }
        INDArray flat = isInteger() ? Nd4j.createFromArray(ints) : Nd4j.createFromArray(floats);
        return flat.reshape('c', shape.clone());
    }

    @Override
    public String toString() {
        return (isInteger() ? "int32" : "float32") + Arrays.toString(shape);
    }
}
