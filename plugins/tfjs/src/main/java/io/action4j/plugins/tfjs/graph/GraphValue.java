package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;

/** What a node's output is while importing: a value known in Java, or a variable of the SameDiff graph. */
sealed interface GraphValue {

    /** The shape, {@code -1} for a dimension known only when the graph runs (the batch, say). */
    long[] shape();

    default int rank() {
        return shape().length;
    }

    /** Known while importing: folded in Java, becomes a SameDiff constant only where an op needs it. */
    record Constant(ConstantTensor tensor) implements GraphValue {

        @Override
        public long[] shape() {
            return tensor.shape();
        }
    }

    /**
     * Computed by the graph. With a {@code permutation}, the value is {@code variable} transposed by it, a
     * transpose not yet emitted: converters wrap every NHWC convolution of an NCHW model in a transpose pair,
     * and pending transposes compose and cancel (see {@link Layouts}), so the data stays in one layout.
     *
     * @param shape the value's shape ({@code variable}'s permuted)
     * @param permutation {@code null}, or axis {@code i} of the value is axis {@code permutation[i]} of
     *     {@code variable}
     */
    record Tensor(SDVariable variable, long[] shape, int[] permutation) implements GraphValue {

        Tensor(SDVariable variable, long[] shape) {
            this(variable, shape, null);
        }

        boolean permuted() {
            return permutation != null;
        }

        @Override
        public String toString() {
            return variable.name() + Arrays.toString(shape) + (permuted() ? " as " + Arrays.toString(permutation) : "");
        }
    }
}
