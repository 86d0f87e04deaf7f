package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * torchvision's S3D building units at the configured width, named by torchvision's module paths so
 * that every graph parameter is a torchvision state-dict key behind the {@code backbone/} scope:
 * {@code Conv3dNormActivation} at {@code name} is conv {@code name.0}, batch norm {@code name.1},
 * ReLU {@code name.2}; {@code TemporalSeparableConv} at {@code name} is two of them,
 * {@code name.0} (spatial) and {@code name.1} (temporal).
 */
final class S3dUnits {

    /** S3D's norm_layer: BatchNorm3d(eps=0.001). */
    static final double BN_EPSILON = 1e-3;

    private static final int[] ONE = {1, 1, 1};
    private static final int[] NO_PADDING = {0, 0, 0};

    private final GraphBuilder graph;
    private final S3dConfig config;

    S3dUnits(GraphBuilder graph, S3dConfig config) {
        this.graph = graph;
        this.config = config;
    }

    GraphBuilder graph() {
        return graph;
    }

    /** Conv3dNormActivation(kernel_size=1): a 1x1x1 convolution to {@code torchvisionWidth}, scaled. */
    Feature pointwise(String name, Feature x, int torchvisionWidth) {
        return convNormRelu(name, x, torchvisionWidth, ONE, ONE, NO_PADDING);
    }

    /**
     * TemporalSeparableConv: (1, k, k) with stride (1, s, s) and padding (0, p, p), then (k, 1, 1)
     * with stride (s, 1, 1) and padding (p, 0, 0), each with batch norm and ReLU, both to the
     * output width.
     */
    Feature temporalSeparable(String name, Feature x, int torchvisionWidth, int kernel, int stride, int padding) {
        Feature spatial = convNormRelu(name + ".0", x, torchvisionWidth, new int[] {1, kernel, kernel},
                new int[] {1, stride, stride}, new int[] {0, padding, padding});
        return convNormRelu(name + ".1", spatial, torchvisionWidth, new int[] {kernel, 1, 1},
                new int[] {stride, 1, 1}, new int[] {padding, 0, 0});
    }

    Feature maxPool(String name, Feature x, int[] kernel, int[] stride, int[] padding) {
        return graph.maxPool3d(name, x, kernel, stride, padding);
    }

    private Feature convNormRelu(String name, Feature x, int torchvisionWidth, int[] kernel, int[] stride,
                                 int[] padding) {
        Feature conv = graph.conv3d(name + ".0", x, config.width(torchvisionWidth), kernel, stride, padding, false);
        return graph.relu(name + ".2", graph.batchNorm(name + ".1", conv, BN_EPSILON));
    }
}
