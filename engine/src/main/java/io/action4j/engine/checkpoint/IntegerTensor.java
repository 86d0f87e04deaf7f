package io.action4j.engine.checkpoint;

import java.util.Arrays;

/**
 * An integer or boolean tensor from a checkpoint (e.g. batch norm's {@code num_batches_tracked}),
 * kept apart from {@link TensorData} so that no integer is silently rounded to float32. The graph
 * has no integer parameters; the loader ignores these.
 */
public record IntegerTensor(String name, long[] shape, long[] values) {

    public IntegerTensor {
        shape = shape.clone();
        long count = TensorData.elementCount(name, shape);
        if (count != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + count + " values, got " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegerTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IntegerTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
