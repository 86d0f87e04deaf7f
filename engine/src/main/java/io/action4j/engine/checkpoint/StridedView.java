package io.action4j.engine.checkpoint;

import java.util.Arrays;

/** A strided view (offset, sizes, strides) into a storage: bounds checks, then element indices. */
final class StridedView {

    /** Receives each element's position in the tensor (row-major) and its index in the storage. */
    @FunctionalInterface
    interface ElementSink {
        void accept(int element, long storageIndex);
    }

    private StridedView() {
    }

    /**
     * Checks that every element of {@code tensor} lies inside a storage of {@code storageElements}
     * and that the count fits a Java array; nothing is allocated before this passes.
     *
     * @param what names the file and tensor in error messages
     * @return the element count
     */
    static int checkedCount(String what, PickledTensor tensor, long storageElements) {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        if (size.length != stride.length) {
            throw new CheckpointException(what + ": shape " + Arrays.toString(size) + " and strides "
                    + Arrays.toString(stride) + " differ in rank");
        }
        long count;
        try {
            count = TensorData.elementCount(what, size);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(what + ": shape " + Arrays.toString(size)
                    + " has a negative size or more elements than a long can count");
        }
        if (count > TorchArchive.MAX_ARRAY) {
            throw new CheckpointException(what + ": shape " + Arrays.toString(size) + " has " + count
                    + " elements, more than a Java array holds");
        }
        long offset = tensor.offset();
        if (offset < 0 || Arrays.stream(stride).anyMatch(s -> s < 0)) {
            throw new CheckpointException(what + ": negative storage offset or stride (offset " + offset
                    + ", strides " + Arrays.toString(stride) + ")");
        }
        long last = offset;
        try {
            for (int axis = 0; axis < size.length && count > 0; axis++) {
                last = Math.addExact(last, Math.multiplyExact(size[axis] - 1, stride[axis]));
            }
        } catch (ArithmeticException e) {
            last = Long.MAX_VALUE;
        }
        if (count > 0 ? last >= storageElements : offset > storageElements) {
            throw new CheckpointException(what + ": view (offset " + offset + ", shape " + Arrays.toString(size)
                    + ", strides " + Arrays.toString(stride) + ") reaches element " + last + " of a storage of "
                    + storageElements + " elements");
        }
        return (int) count;
    }

    /** Hands {@code sink} the storage index of each element, row-major; call {@link #checkedCount} first. */
    static void forEach(PickledTensor tensor, int count, ElementSink sink) {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long[] position = new long[size.length];
        long index = tensor.offset();
        for (int i = 0; i < count; i++) {
            sink.accept(i, index);
            // Odometer: step the last axis, carry into the ones before it.
            for (int axis = size.length - 1; axis >= 0; axis--) {
                if (++position[axis] < size[axis]) {
                    index += stride[axis];
                    break;
                }
                index -= (size[axis] - 1) * stride[axis];
                position[axis] = 0;
            }
        }
    }
}
