package io.action4j.plugins.resnet3d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * A 3D ResNet. The defaults build torchvision's {@code r3d_18}: a (3, 7, 7) stem with stride
 * (1, 2, 2) and no pooling, then four stages of full 3x3x3 convolutions, the last three halving
 * time, height and width.
 *
 * @param depth 18 or 34 (basic blocks), 50, 101 or 152 (bottleneck blocks)
 * @param inChannels channels of the input clip (3 for RGB, 2 for optical flow)
 * @param baseChannels width of the stem and the first stage; each stage doubles it
 * @param stemKernel stem convolution kernel (t, h, w); padding is half of it
 * @param stemStride stem convolution stride (t, h, w)
 * @param stemPool a (1, 3, 3) max pool with stride (1, 2, 2) after the stem, as MMAction2's I3D has
 * @param spatialStrides stride in height and width of each stage's first block
 * @param temporalStrides stride in time of each stage's first block
 * @param bnEpsilon batch-norm epsilon
 */
public record ResNet3dConfig(int depth, int inChannels, int baseChannels, List<Integer> stemKernel,
                             List<Integer> stemStride, boolean stemPool, List<Integer> spatialStrides,
                             List<Integer> temporalStrides, double bnEpsilon) {

    static final List<Integer> DEPTHS = List.of(18, 34, 50, 101, 152);

    public static final ResNet3dConfig DEFAULTS = new ResNet3dConfig(18, 3, 64, List.of(3, 7, 7), List.of(1, 2, 2),
            false, List.of(1, 2, 2, 2), List.of(1, 2, 2, 2), 1e-5);

    public ResNet3dConfig {
        ConfigChecks.oneOf("depth", depth, DEPTHS);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("baseChannels", baseChannels);
        stemKernel = ConfigChecks.positiveTriple("stemKernel", stemKernel);
        for (int size : stemKernel) {
            if (size % 2 == 0) {
                throw new ConfigValueException("stemKernel", "sizes must be odd (padding is half the kernel), got " + stemKernel);
            }
        }
        stemStride = ConfigChecks.positiveTriple("stemStride", stemStride);
        spatialStrides = ConfigChecks.positiveList("spatialStrides", spatialStrides, 4);
        temporalStrides = ConfigChecks.positiveList("temporalStrides", temporalStrides, 4);
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }
}
