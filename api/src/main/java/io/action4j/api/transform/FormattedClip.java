package io.action4j.api.transform;

import java.util.Arrays;

/**
 * A network input: {@code values} in row-major order of {@code shape}.
 *
 * @param shape e.g. {@code [views, C, T, H, W]} with {@code views = numCrops * numClips}
 * @param values {@code product(shape)} floats
 */
public record FormattedClip(int[] shape, float[] values) {

    public FormattedClip {
        long size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + values.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormattedClip that && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FormattedClip" + Arrays.toString(shape);
    }
}
