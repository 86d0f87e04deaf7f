package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Slow fusion (Karpathy et al. 2014): a stack of 3D convolutions whose temporal extents merge the clip's
 * frames step by step, so higher layers see longer stretches of time. Layer i is a
 * {@code temporalKernels[i] x spatialKernels[i] x spatialKernels[i]} convolution with stride
 * {@code temporalStrides[i] x spatialStrides[i] x spatialStrides[i]}, no temporal padding and half the spatial
 * kernel as spatial padding, then batch norm and ReLU. The defaults are the paper's schedule on 10 frames (extent 4
 * stride 2, then 2 stride 2, then 2: one column of time at layer 3); 8 frames fuse fully with
 * {@code temporalStrides [2, 1, 1, 1]}. The first layer's spatial kernel must span how far things move between
 * the sampled frames (the paper's is 11 x 11): a 3 x 3 one sees no motion of more than a pixel or two.
 *
 * @param channels output channels of each layer
 * @param spatialKernels spatial kernel size of each layer (odd)
 * @param temporalKernels temporal extent of each layer
 * @param temporalStrides temporal stride of each layer
 * @param spatialStrides spatial stride of each layer
 * @param bnEpsilon batch-norm epsilon
 */
public record SlowFusionConfig(List<Integer> channels, List<Integer> spatialKernels, List<Integer> temporalKernels,
                               List<Integer> temporalStrides, List<Integer> spatialStrides, double bnEpsilon) {

    public static final SlowFusionConfig DEFAULTS = new SlowFusionConfig(List.of(64, 128, 256, 256),
            List.of(7, 5, 3, 3), List.of(4, 2, 2, 1), List.of(2, 2, 1, 1), List.of(2, 2, 2, 1), 1e-5);

    public SlowFusionConfig {
        ConfigChecks.required("channels", channels);
        if (channels.isEmpty()) {
            throw new ConfigValueException("channels", "needs at least one layer");
        }
        channels = ConfigChecks.positiveList("channels", channels, channels.size());
        spatialKernels = ConfigChecks.positiveList("spatialKernels", spatialKernels, channels.size());
        if (spatialKernels.stream().anyMatch(kernel -> kernel % 2 == 0)) {
            throw new ConfigValueException("spatialKernels", "must be odd (padded by half on each side), got "
                    + spatialKernels);
        }
        temporalKernels = ConfigChecks.positiveList("temporalKernels", temporalKernels, channels.size());
        temporalStrides = ConfigChecks.positiveList("temporalStrides", temporalStrides, channels.size());
        spatialStrides = ConfigChecks.positiveList("spatialStrides", spatialStrides, channels.size());
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }
}
