package io.action4j.plugins.s3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.plugins.s3d.S3dLayer.Inception;
import io.action4j.plugins.s3d.S3dLayer.MaxPool;
import io.action4j.plugins.s3d.S3dLayer.PointwiseConv;
import io.action4j.plugins.s3d.S3dLayer.SeparableConv;
import io.action4j.plugins.s3d.S3dUnits.Preactivation;
import java.util.List;

/**
 * torchvision's {@code S3D.features}, module for module: the output is 1024 channels (at width
 * divisor 1) at T/8 x H/32 x W/32, before S3D's average pool (which is in {@link S3dHead}).
 *
 * <p>Graph names are torchvision's state-dict keys behind the scope, one to one:
 * {@code features.5.branch1.1.0.0.weight} is {@code backbone/features.5.branch1.1.0.0.weight}
 * (conv weights in ND4J's layout, torch's permuted 2, 3, 4, 1, 0); see {@link S3dUnits}.
 */
final class S3dBackbone implements Backbone {

    /** {@code S3D.features}: index i is module {@code features.i}; comments give the paper's names. */
    static final List<S3dLayer> FEATURES = List.of(
            new SeparableConv(64, 7, 2, 3),                                                 // Conv3d_1a_7x7
            new MaxPool(new int[] {1, 3, 3}, new int[] {1, 2, 2}, new int[] {0, 1, 1}),    // MaxPool_2a_3x3
            new PointwiseConv(64),                                                          // Conv3d_2b_1x1
            new SeparableConv(192, 3, 1, 1),                                                // Conv3d_2c_3x3
            new MaxPool(new int[] {1, 3, 3}, new int[] {1, 2, 2}, new int[] {0, 1, 1}),    // MaxPool_3a_3x3
            new Inception(64, 96, 128, 16, 32, 32),                                         // Mixed_3b
            new Inception(128, 128, 192, 32, 96, 64),                                       // Mixed_3c
            new MaxPool(new int[] {3, 3, 3}, new int[] {2, 2, 2}, new int[] {1, 1, 1}),    // MaxPool_4a_3x3
            new Inception(192, 96, 208, 16, 48, 64),                                        // Mixed_4b
            new Inception(160, 112, 224, 24, 64, 64),                                       // Mixed_4c
            new Inception(128, 128, 256, 24, 64, 64),                                       // Mixed_4d
            new Inception(112, 144, 288, 32, 64, 64),                                       // Mixed_4e
            new Inception(256, 160, 320, 32, 128, 128),                                     // Mixed_4f
            new MaxPool(new int[] {2, 2, 2}, new int[] {2, 2, 2}, new int[] {0, 0, 0}),    // MaxPool_5a_2x2
            new Inception(256, 160, 320, 32, 128, 128),                                     // Mixed_5b
            new Inception(384, 192, 384, 48, 128, 128));                                    // Mixed_5c

    private final S3dConfig config;

    S3dBackbone(S3dConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        long inputChannels = input.shape().rank() > 1 ? input.shape().dim(1) : TensorShape.UNKNOWN;
        if (inputChannels != TensorShape.UNKNOWN && inputChannels != config.inChannels()) {
            // The first conv would otherwise take its width from the input, and fail only when weights load.
            throw new GraphBuildException(graph.qualified("features.0.0.0") + ": inChannels is " + config.inChannels()
                    + " but the input " + input.shape() + " has " + inputChannels + " channels");
        }
        S3dUnits units = new S3dUnits(graph, config);
        Preactivation x = Preactivation.activated(input);
        for (int index = 0; index < FEATURES.size(); index++) {
            x = FEATURES.get(index).build(units, "features." + index, x);
        }
        return x.activated(graph);
    }
}
