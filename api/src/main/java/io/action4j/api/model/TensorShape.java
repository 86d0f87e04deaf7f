package io.action4j.api.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of a tensor; {@link #UNKNOWN} ({@code -1}) marks a size fixed only at run time,
 * usually the batch. Video tensors are NCTHW: batch, channels, time, height, width.
 */
public final class TensorShape {

    public static final long UNKNOWN = -1;

    private final long[] dims;

    private TensorShape(long[] dims) {
        for (long dim : dims) {
            if (dim <= 0 && dim != UNKNOWN) {
                throw new IllegalArgumentException("invalid shape " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    public static TensorShape of(long... dims) {
        return new TensorShape(dims.clone());
    }

    /**
     * Parses {@code 1x3x16x112x112}; {@code ?} or {@code -1} marks an unknown size.
     *
     * @throws IllegalArgumentException naming the text when it is not a shape
     */
    public static TensorShape parse(String text) {
        String[] parts = text.trim().split("[xX,]");
        long[] dims = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                dims[i] = part.equals("?") ? UNKNOWN : Long.parseLong(part);
            }
            return new TensorShape(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a tensor shape: '" + text + "' (expected e.g. 1x3x16x112x112)");
        }
    }

    public int rank() {
        return dims.length;
    }

    public long dim(int axis) {
        return dims[axis];
    }

    public long[] dims() {
        return dims.clone();
    }

    /** This shape with {@code axis} set to {@code size}. */
    public TensorShape with(int axis, long size) {
        long[] copy = dims.clone();
        copy[axis] = size;
        return new TensorShape(copy);
    }

    public boolean isFullyKnown() {
        return Arrays.stream(dims).noneMatch(dim -> dim == UNKNOWN);
    }

    /** Number of elements; only for fully known shapes. */
    public long elements() {
        if (!isFullyKnown()) {
            throw new IllegalStateException("shape " + this + " has unknown sizes");
        }
        return Arrays.stream(dims).reduce(1, Math::multiplyExact);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorShape shape && Arrays.equals(dims, shape.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code 1x512x2x7x7}, with {@code ?} for unknown sizes. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(d -> d == UNKNOWN ? "?" : Long.toString(d)).collect(Collectors.joining("x"));
    }
}
