package io.action4j.engine.checkpoint;

import java.util.Arrays;

/**
 * A floating-point tensor read from or written to a checkpoint, converted to float32, with its
 * values in row-major (C) order. The layout is the file's: torch layout for PyTorch checkpoints,
 * the graph's layout for the framework's own checkpoint.
 */
public record TensorData(String name, long[] shape, float[] values) {

    public TensorData {
        shape = shape.clone();
        long count = elementCount(name, shape);
        if (count != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + count + " values, got " + values.length);
        }
    }

    /** Number of elements of {@code shape}, checked for negative sizes and overflow. */
    static long elementCount(String name, long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative size in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                        + " has more elements than a long can count");
            }
        }
        return count;
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The same values under another name. */
    public TensorData rename(String newName) {
        return new TensorData(newName, shape, values);
    }

    /** Same name, shape and bit-identical values (NaNs included). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TensorData t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TensorData[" + name + " " + Arrays.toString(shape) + "]";
    }
}
