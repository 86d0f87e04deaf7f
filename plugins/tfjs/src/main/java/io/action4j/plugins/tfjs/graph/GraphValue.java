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

    /** Computed by the graph. */
    record Tensor(SDVariable variable, long[] shape) implements GraphValue {

        @Override
        public String toString() {
            return variable.name() + Arrays.toString(shape);
        }
    }
}
