package io.action4j.plugins.resnet3d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * A 3D ResNet. The defaults build torchvision's {@code r3d_18}: a (3, 7, 7) stem with stride
 * (1, 2, 2) and no pooling, then four stages of full 3x3x3 convolutions, the last three halving
 * time, height and width.
 *
 * <p>torchvision's other two video ResNets are the same network with other convolutions, so they
 * are one key away rather than separate backbones (every other key, widths and strides included,
 * means the same for all three):
 * <ul>
 *   <li>{@code convType: mc3} builds {@code mc3_18}: stages 2-4 use (1, 3, 3) convolutions that
 *       see no time. torchvision never strides time there, so those stages' {@code temporalStrides}
 *       must be 1 ({@code temporalStrides: [1, 1, 1, 1]}); a 2 is rejected rather than silently
 *       building a network that is not mc3.</li>
 *   <li>{@code convType: 2plus1d} builds {@code r2plus1d_18}: each 3x3x3 convolution becomes a
 *       (1, 3, 3) one to {@code (in * out * 27) / (in * 9 + 3 * out)} channels (torchvision's
 *       formula, which keeps the parameter count of the 3D one), batch norm, ReLU and a (3, 1, 1)
 *       one. The stem likewise becomes (1, kH, kW) to {@code stemMidChannels} (45 in torchvision)
 *       then (kT, 1, 1), with {@code stemKernel}'s and {@code stemStride}'s spatial and temporal
 *       parts.</li>
 * </ul>
 *
 * @param depth 18 or 34 (basic blocks), 50, 101 or 152 (bottleneck blocks)
 * @param convType {@code 3d} (r3d), {@code mc3} or {@code 2plus1d} (R(2+1)D), see above
 * @param stageBlocks blocks in each of the four stages; empty: the depth's (2, 2, 2, 2 for 18).
 *     The block type still follows {@code depth}. For small test networks
 * @param inChannels channels of the input clip (3 for RGB, 2 for optical flow)
 * @param baseChannels width of the stem and the first stage; each stage doubles it
 * @param stemKernel stem convolution kernel (t, h, w); padding is half of it
 * @param stemStride stem convolution stride (t, h, w)
 * @param stemMidChannels {@code 2plus1d} only: channels between the stem's spatial and temporal
 *     convolutions
 * @param stemPool a (1, 3, 3) max pool with stride (1, 2, 2) after the stem, as MMAction2's I3D has
 * @param spatialStrides stride in height and width of each stage's first block
 * @param temporalStrides stride in time of each stage's first block
 * @param bnEpsilon batch-norm epsilon
 */
public record ResNet3dConfig(int depth, String convType, List<Integer> stageBlocks, int inChannels,
                             int baseChannels, List<Integer> stemKernel, List<Integer> stemStride,
                             int stemMidChannels, boolean stemPool, List<Integer> spatialStrides,
                             List<Integer> temporalStrides, double bnEpsilon) {

    static final List<Integer> DEPTHS = List.of(18, 34, 50, 101, 152);

    public static final ResNet3dConfig DEFAULTS = new ResNet3dConfig(18, "3d", List.of(), 3, 64, List.of(3, 7, 7),
            List.of(1, 2, 2), 45, false, List.of(1, 2, 2, 2), List.of(1, 2, 2, 2), 1e-5);

    public ResNet3dConfig {
        ConfigChecks.oneOf("depth", depth, DEPTHS);
        ConfigChecks.oneOf("convType", ConfigChecks.required("convType", convType), ConvType.CONFIG_VALUES);
        stageBlocks = ConfigChecks.required("stageBlocks", stageBlocks).isEmpty()
                ? List.of()
                : ConfigChecks.positiveList("stageBlocks", stageBlocks, 4);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("baseChannels", baseChannels);
        stemKernel = ConfigChecks.positiveTriple("stemKernel", stemKernel);
        for (int size : stemKernel) {
            if (size % 2 == 0) {
                throw new ConfigValueException("stemKernel", "sizes must be odd (padding is half the kernel), got " + stemKernel);
            }
        }
        stemStride = ConfigChecks.positiveTriple("stemStride", stemStride);
        ConfigChecks.positive("stemMidChannels", stemMidChannels);
        spatialStrides = ConfigChecks.positiveList("spatialStrides", spatialStrides, 4);
        temporalStrides = ConfigChecks.positiveList("temporalStrides", temporalStrides, 4);
        if (ConvType.fromConfig(convType) == ConvType.MIXED && !temporalStrides.subList(1, 4).equals(List.of(1, 1, 1))) {
            throw new ConfigValueException("temporalStrides", "with convType mc3 stages 2-4 convolve no time and "
                    + "torchvision's mc3 does not stride it there: use [t, 1, 1, 1] (mc3_18: [1, 1, 1, 1]), got "
                    + temporalStrides);
        }
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }

    ConvType convolutions() {
        return ConvType.fromConfig(convType);
    }

    /** Blocks per stage: {@link #stageBlocks} if set, else the depth's. */
    List<Integer> blocksPerStage() {
        if (!stageBlocks.isEmpty()) {
            return stageBlocks;
        }
        return switch (depth) {
            case 18 -> List.of(2, 2, 2, 2);
            case 34, 50 -> List.of(3, 4, 6, 3);
            case 101 -> List.of(3, 4, 23, 3);
            case 152 -> List.of(3, 8, 36, 3);
            default -> throw new IllegalStateException("unsupported depth " + depth);
        };
    }

    /** Bottleneck blocks (1x1x1, 3x3x3, 1x1x1, four times wider out) from depth 50 on, basic blocks below. */
    boolean bottleneck() {
        return depth >= 50;
    }
}
