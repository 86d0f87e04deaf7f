package io.action4j.plugins.c3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;

/**
 * torch's {@code x.flatten(start_dim=1)}: N x C x ... to N x (C * ...), in row-major order, which
 * the {@link GraphBuilder} lacks.
 */
final class Flatten {

    private Flatten() {
    }

    static Feature apply(GraphBuilder graph, String name, Feature input) {
        TensorShape in = input.shape();
        long features = 1;
        for (int axis = 1; axis < in.rank(); axis++) {
            if (in.dim(axis) == TensorShape.UNKNOWN) {
                throw new GraphBuildException(graph.qualified(name) + ": needs known sizes after the batch, got " + in);
            }
            features *= in.dim(axis);
        }
        // -1 lets the batch stay whatever the input's is.
        return new Feature(graph.sameDiff().reshape(name, input.variable(), -1, features),
                TensorShape.of(in.dim(0), features));
    }
}
