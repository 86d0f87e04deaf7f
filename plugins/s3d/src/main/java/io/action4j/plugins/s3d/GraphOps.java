package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;

/**
 * Layers {@link GraphBuilder} does not have, built on its SameDiff with the same declared-shape
 * checks (candidates for the api's builder).
 */
final class GraphOps {

    private GraphOps() {
    }

    /** torch.cat(parts, 1): channels add up, every other size must agree. */
    static Feature concatChannels(GraphBuilder graph, String name, Feature... parts) {
        long[] out = parts[0].shape().dims();
        out[1] = 0;
        for (Feature part : parts) {
            TensorShape shape = part.shape();
            for (int axis = 0; axis < out.length; axis++) {
                boolean fits = shape.rank() == out.length
                        && (axis == 1 ? shape.dim(1) != TensorShape.UNKNOWN : shape.dim(axis) == out[axis]);
                if (!fits) {
                    throw new GraphBuildException(graph.qualified(name) + ": cannot concatenate channels of "
                            + Arrays.stream(parts).map(p -> p.shape().toString()).toList());
                }
            }
            out[1] += shape.dim(1);
        }
        SDVariable[] variables = Arrays.stream(parts).map(Feature::variable).toArray(SDVariable[]::new);
        return new Feature(graph.sameDiff().concat(name, 1, variables), TensorShape.of(out));
    }

    /** torch's AvgPool3d without padding (so whether padding is counted never matters). */
    static Feature avgPool3d(GraphBuilder graph, String name, Feature input, int[] kernel, int[] stride) {
        TensorShape in = input.shape();
        if (in.rank() != 5) {
            throw new GraphBuildException(graph.qualified(name) + ": expects a rank-5 input, got " + in);
        }
        long[] out = in.dims();
        for (int axis = 0; axis < 3; axis++) {
            long size = in.dim(axis + 2);
            if (size != TensorShape.UNKNOWN && size < kernel[axis]) {
                throw new GraphBuildException(String.format("%s: pooling kernel %s does not fit the input %s",
                        graph.qualified(name), Arrays.toString(kernel), in));
            }
            out[axis + 2] = size == TensorShape.UNKNOWN ? size : (size - kernel[axis]) / stride[axis] + 1;
        }
        Pooling3DConfig config = Pooling3DConfig.builder()
                .kD(kernel[0]).kH(kernel[1]).kW(kernel[2])
                .sD(stride[0]).sH(stride[1]).sW(stride[2])
                .type(Pooling3D.Pooling3DType.AVG)
                .isNCDHW(true)
                .build();
        return new Feature(graph.sameDiff().cnn().avgPooling3d(name, input.variable(), config), TensorShape.of(out));
    }
}
