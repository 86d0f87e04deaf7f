package io.action4j.plugins.tfjs.graph;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Pending transposes ({@link GraphValue.Tensor#permutation()}): composed while importing, emitted only where an
 * op needs a value in its own layout, and then once per value. Ops that do not care about the layout
 * (activations, additions, pads, concatenation, splits) work on the untransposed data with their axes mapped.
 */
final class Layouts {

    private final SameDiff graph;
    private final Map<GraphValue.Tensor, SDVariable> emitted = new IdentityHashMap<>();

    Layouts(SameDiff graph) {
        this.graph = graph;
    }

    /** {@code tensor} in its own layout: its variable, or the pending transpose emitted (once). */
    SDVariable materialize(GraphValue.Tensor tensor) {
        if (!tensor.permuted()) {
            return tensor.variable();
        }
        return emitted.computeIfAbsent(tensor, pending -> graph.permute(pending.variable(), pending.permutation()));
    }

    /** {@code tensor} transposed by {@code permutation}, nothing emitted; the identity drops the pending transpose. */
    static GraphValue.Tensor transpose(GraphValue.Tensor tensor, int[] permutation, long[] shape) {
        int[] composed = new int[permutation.length];
        boolean identity = true;
        for (int i = 0; i < permutation.length; i++) {
            composed[i] = tensor.permuted() ? tensor.permutation()[permutation[i]] : permutation[i];
            identity &= composed[i] == i;
        }
        return new GraphValue.Tensor(tensor.variable(), shape, identity ? null : composed);
    }

    /** The axis of the untransposed data that {@code axis} of {@code tensor} is. */
    static int storedAxis(GraphValue.Tensor tensor, int axis) {
        return tensor.permuted() ? tensor.permutation()[axis] : axis;
    }

    /** The axis of {@code tensor} that axis {@code stored} of the untransposed data is. */
    static int valueAxis(GraphValue.Tensor tensor, int stored) {
        if (!tensor.permuted()) {
            return stored;
        }
        for (int i = 0; i < tensor.permutation().length; i++) {
            if (tensor.permutation()[i] == stored) {
                return i;
            }
        }
        throw new IllegalStateException("not a permutation");
    }
}
