package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * Slow fusion: 3D convolutions {@code conv1.conv}, {@code conv1.bn}, ... whose temporal extents fuse the
 * frames hierarchically. Input and output NCTHW; a layer whose temporal extent exceeds what is left of
 * time fails while building, naming the layer.
 */
final class SlowFusionBackbone implements Backbone {

    private final SlowFusionConfig config;

    SlowFusionBackbone(SlowFusionConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        Feature x = input;
        for (int layer = 0; layer < config.channels().size(); layer++) {
            String name = "conv" + (layer + 1);
            int spatialStride = config.spatialStrides().get(layer);
            int spatialKernel = config.spatialKernels().get(layer);
            x = graph.conv3d(name + ".conv", x, config.channels().get(layer),
                    new int[] {config.temporalKernels().get(layer), spatialKernel, spatialKernel},
                    new int[] {config.temporalStrides().get(layer), spatialStride, spatialStride},
                    new int[] {0, spatialKernel / 2, spatialKernel / 2}, false);
            x = graph.relu(name + ".relu", graph.batchNorm(name + ".bn", x, config.bnEpsilon()));
        }
        return x;
    }
}
