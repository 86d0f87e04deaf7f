package io.action4j.api.transform;

import java.util.Arrays;
import java.util.List;

/**
 * A network input: {@code values} in row-major order of {@code shape}, and the boxes that came through
 * the transforms with the pixels (AVA-style person boxes on the keyframe).
 *
 * @param shape e.g. {@code [views, C, T, H, W]} with {@code views = numCrops * numClips}
 * @param values {@code product(shape)} floats
 * @param boxes the clip's boxes in the formatted frames' pixel coordinates, in their original order;
 *        empty when the clip had none. Multi-crop views share them (MMAction2's ThreeCrop and TenCrop
 *        leave boxes as they are)
 */
public record FormattedClip(int[] shape, float[] values, List<Box> boxes) {

    /** A clip without boxes. */
    public FormattedClip(int[] shape, float[] values) {
        this(shape, values, List.of());
    }

    public FormattedClip {
        boxes = List.copyOf(boxes);
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
                && Arrays.equals(values, that.values) && boxes.equals(that.boxes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values)) + boxes.hashCode();
    }

    @Override
    public String toString() {
        return "FormattedClip" + Arrays.toString(shape) + (boxes.isEmpty() ? "" : " with " + boxes.size() + " boxes");
    }
}
