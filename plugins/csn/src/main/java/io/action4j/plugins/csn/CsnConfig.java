package io.action4j.plugins.csn;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code ResNet3dCSN} (v1.2.0, {@code mmaction/models/backbones/resnet3d_csn.py}): a
 * bottleneck ResNet3d ({@code inflate_style 3x3x3}, style {@code pytorch}) whose 3x3x3
 * convolutions are channel-separated. The defaults are MMAction2's ir-CSN-152 as its Kinetics-400
 * configs build it: a (3, 7, 7) stem with stride (1, 2, 2), a (1, 3, 3) max pool with stride
 * (1, 2, 2), temporal strides (1, 2, 2, 2), {@code with_pool2 False}, batch-norm epsilon 1e-3
 * (ResNet3dCSN's {@code norm_cfg}). {@code bn_frozen} and {@code norm_eval} only matter in
 * training and have no key.
 *
 * <p>MMAction2 keys: {@code bottleneck_mode} is {@code bottleneckMode}, {@code conv1_kernel} is
 * {@code stemKernel}, {@code (conv1_stride_t, 2, 2)} is {@code stemStride}, {@code (pool1_stride_t,
 * 2, 2)} is {@code stemPoolStride}, {@code with_pool2} is {@code withPool2}.
 *
 * @param depth 50, 101 or 152
 * @param bottleneckMode {@code ir} (interaction-reduced) or {@code ip} (interaction-preserved), see {@link BottleneckMode}
 * @param stageBlocks blocks in each of the four stages; empty: the depth's. For small test networks
 * @param inChannels channels of the input clip
 * @param baseChannels width of the stem and of the first stage's bottleneck (each stage doubles it)
 * @param stemKernel stem convolution kernel (t, h, w); padding is half of it
 * @param stemStride stem convolution stride (t, h, w)
 * @param stemPoolStride stride of the (1, 3, 3) max pool after the stem
 * @param withPool2 a (2, 1, 1) max pool with stride (2, 1, 1) after the first stage
 * @param spatialStrides stride in height and width of each stage's first block
 * @param temporalStrides stride in time of each stage's first block
 * @param bnEpsilon batch-norm epsilon
 */
public record CsnConfig(int depth, String bottleneckMode, List<Integer> stageBlocks, int inChannels, int baseChannels,
                        List<Integer> stemKernel, List<Integer> stemStride, List<Integer> stemPoolStride,
                        boolean withPool2, List<Integer> spatialStrides, List<Integer> temporalStrides,
                        double bnEpsilon) {

    static final List<Integer> DEPTHS = List.of(50, 101, 152);

    public static final CsnConfig DEFAULTS = new CsnConfig(152, "ir", List.of(), 3, 64, List.of(3, 7, 7),
            List.of(1, 2, 2), List.of(1, 2, 2), false, List.of(1, 2, 2, 2), List.of(1, 2, 2, 2), 1e-3);

    public CsnConfig {
        ConfigChecks.oneOf("depth", depth, DEPTHS);
        ConfigChecks.oneOf("bottleneckMode", ConfigChecks.required("bottleneckMode", bottleneckMode),
                BottleneckMode.CONFIG_VALUES);
        stageBlocks = ConfigChecks.required("stageBlocks", stageBlocks).isEmpty()
                ? List.of()
                : ConfigChecks.positiveList("stageBlocks", stageBlocks, 4);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("baseChannels", baseChannels);
        stemKernel = ConfigChecks.positiveTriple("stemKernel", stemKernel);
        for (int size : stemKernel) {
            if (size % 2 == 0) {
                throw new ConfigValueException("stemKernel", "sizes must be odd (padding is half the kernel), got "
                        + stemKernel);
            }
        }
        stemStride = ConfigChecks.positiveTriple("stemStride", stemStride);
        stemPoolStride = ConfigChecks.positiveTriple("stemPoolStride", stemPoolStride);
        spatialStrides = ConfigChecks.positiveList("spatialStrides", spatialStrides, 4);
        temporalStrides = ConfigChecks.positiveList("temporalStrides", temporalStrides, 4);
        if (!(bnEpsilon > 0 && bnEpsilon <= 1)) {
            throw new ConfigValueException("bnEpsilon", "must be in (0, 1], got " + bnEpsilon);
        }
    }

    BottleneckMode mode() {
        return BottleneckMode.fromConfig(bottleneckMode);
    }

    /** Blocks per stage: {@link #stageBlocks} if set, else the depth's (MMAction2's arch_settings). */
    List<Integer> blocksPerStage() {
        if (!stageBlocks.isEmpty()) {
            return stageBlocks;
        }
        return switch (depth) {
            case 50 -> List.of(3, 4, 6, 3);
            case 101 -> List.of(3, 4, 23, 3);
            case 152 -> List.of(3, 8, 36, 3);
            default -> throw new IllegalStateException("unsupported depth " + depth);
        };
    }
}
