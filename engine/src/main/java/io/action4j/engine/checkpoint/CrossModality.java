package io.action4j.engine.checkpoint;

/**
 * TSN's cross-modality initialisation: an RGB model's convolution weight given to a model whose convolution
 * takes other channels (2L stacked flow fields, stacked RGB differences) by averaging the weight over its
 * input channels and repeating the average for each of the new ones, as TSN's {@code _construct_flow_model}
 * does (no rescaling).
 */
final class CrossModality {

    private CrossModality() {
    }

    /**
     * Whether {@code tensor} is a convolution weight (rank 4 or 5) that differs from the parameter only in its
     * input channels: {@code converted} is its shape in the graph's layout, {@code graphShape} the parameter's,
     * whose input channels are on axis {@code rank - 2} ({@code [kH, kW, in, out]}, {@code [kT, kH, kW, in, out]}).
     */
    static boolean applies(long[] converted, long[] graphShape) {
        int rank = graphShape.length;
        if (rank < 4 || converted.length != rank) {
            return false;
        }
        for (int axis = 0; axis < rank; axis++) {
            if (axis != rank - 2 && converted[axis] != graphShape[axis]) {
                return false;
            }
        }
        return converted[rank - 2] != graphShape[rank - 2];
    }

    /**
     * {@code tensor} averaged over {@code axis} (its input channels, in the file's layout) and repeated
     * {@code channels} times along it.
     */
    static TensorData replicate(TensorData tensor, int axis, long channels) {
        long[] shape = tensor.shape();
        long outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        long inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        long old = shape[axis];
        long[] newShape = shape.clone();
        newShape[axis] = channels;
        float[] values = tensor.values();
        float[] out = new float[Math.toIntExact(Math.multiplyExact(outer * channels, inner))];
        for (long o = 0; o < outer; o++) {
            for (long i = 0; i < inner; i++) {
                double sum = 0;
                for (long c = 0; c < old; c++) {
                    sum += values[(int) ((o * old + c) * inner + i)];
                }
                float mean = (float) (sum / old);
                for (long c = 0; c < channels; c++) {
                    out[(int) ((o * channels + c) * inner + i)] = mean;
                }
            }
        }
        return new TensorData(tensor.name(), newShape, out);
    }

    /** The axis of {@code tensor} (file layout) that becomes graph axis {@code rank - 2}, the input channels. */
    static int inputChannelAxis(int[] permutation, int rank) {
        return permutation == null ? rank - 2 : permutation[rank - 2];
    }
}
