package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shape operations on token tensors that keep each {@link Feature}'s declared shape. The leading
 * axis is the one that grows with the run-time batch ({@code N}, {@code N*T}, {@code N*P}): it is
 * passed to SameDiff as -1 and declared only when the input's batch is known.
 */
final class Tokens {

    private final GraphBuilder graph;

    Tokens(GraphBuilder graph) {
        this.graph = graph;
    }

    SameDiff sd() {
        return graph.sameDiff();
    }

    /** Reshapes to {@code [?, trailing...]}, the leading size inferred. */
    Feature reshape(Feature x, long... trailing) {
        long rest = Arrays.stream(trailing).reduce(1, Math::multiplyExact);
        long leading = TensorShape.UNKNOWN;
        if (x.shape().isFullyKnown()) {
            if (x.shape().elements() % rest != 0) {
                throw new GraphBuildException(graph.qualified("reshape") + ": cannot reshape " + x.shape() + " to ?x"
                        + Arrays.toString(trailing));
            }
            leading = x.shape().elements() / rest;
        }
        long[] dims = new long[trailing.length + 1];
        System.arraycopy(trailing, 0, dims, 1, trailing.length);
        dims[0] = leading; // UNKNOWN is -1, which SameDiff infers
        return new Feature(sd().reshape(x.variable(), dims), TensorShape.of(dims));
    }

    Feature permute(Feature x, int... axes) {
        long[] dims = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            dims[i] = x.shape().dim(axes[i]);
        }
        return new Feature(sd().permute(x.variable(), axes), TensorShape.of(dims));
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive) of {@code [?, L, E]}. */
    Feature slice(Feature x, long from, long to) {
        SDVariable part = x.variable().get(SDIndex.all(), SDIndex.interval(from, to), SDIndex.all());
        return new Feature(part, x.shape().with(1, to - from));
    }

    /** Joins token sequences {@code [?, L1, E]} and {@code [?, L2, E]} into {@code [?, L1 + L2, E]}. */
    Feature concat(Feature first, Feature second) {
        TensorShape a = first.shape();
        TensorShape b = second.shape();
        if (a.dim(0) != b.dim(0) || a.dim(2) != b.dim(2)) {
            throw new GraphBuildException(graph.qualified("concat") + ": cannot join " + a + " and " + b);
        }
        return new Feature(sd().concat(1, first.variable(), second.variable()), a.with(1, a.dim(1) + b.dim(1)));
    }

    /** Elementwise sum; {@code b} may broadcast (an embedding of batch 1). */
    Feature add(Feature a, Feature b) {
        return new Feature(a.variable().add(b.variable()), a.shape());
    }

    /** {@code token} ({@code [1, 1, E]}) repeated for each row of {@code like} ({@code [?, L, E]}). */
    Feature repeatPerRow(SDVariable token, Feature like) {
        // The batch is known only at run time: tile by the input's own leading size.
        SDVariable rows = sd().reshape(sd().sizeAt(like.variable(), 0), 1);
        SDVariable repeats = sd().concat(0, rows, sd().constant(Nd4j.createFromArray(1L, 1L)));
        SDVariable tiled = sd().tile(token, repeats);
        return new Feature(tiled, like.shape().with(1, 1));
    }

    /** {@code [?, L, E]} repeated {@code times} along the tokens: {@code [?, L*times, E]}. */
    Feature repeatTokens(Feature x, int times) {
        return new Feature(sd().tile(x.variable(), 1, times, 1), x.shape().with(1, x.shape().dim(1) * times));
    }

    /** Mean over axis 1 of {@code [?, L, E]}, kept: {@code [?, 1, E]}. */
    Feature meanOverTokens(Feature x) {
        return new Feature(sd().mean(x.variable(), true, 1), x.shape().with(1, 1));
    }
}
