package io.action4j.plugins.resnet3d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import io.action4j.plugins.resnet3d.ConvType.BlockConv;
import java.util.ArrayList;
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
 * <p>MMAction2's {@code ResNet2Plus1d} is {@code convType: conv2plus1d} (depth 18 or 34): every
 * convolution is its {@code Conv2plus1d} inside a ConvModule ({@code layer1.0.conv1.conv.conv_s},
 * {@code .conv.bn_s}, {@code .conv.conv_t}, {@code layer1.0.conv1.bn}), the 1x1x1 shortcut projections
 * and the stem included, each with the mid width {@code int(3 * in * out * kH * kW / (in * kH * kW +
 * 3 * out))} of its own widths; MMAction2's R(2+1)D-34 is {@code depth: 34, convType: conv2plus1d,
 * stemKernel: [3, 7, 7], stemStride: [1, 2, 2], stemPool: true, stemPoolStride: [1, 2, 2],
 * bnEpsilon: 0.001} (configs/recognition/r2plus1d).
 *
 * <p>MMAction2's {@code ResNet3d} is {@code convType: 3d} with its keys: {@code conv1_kernel} is
 * {@code stemKernel}, {@code (conv1_stride_t, conv1_stride_s, conv1_stride_s)} is
 * {@code stemStride}, {@code with_pool1} is {@code stemPool}, {@code (pool1_stride_t,
 * pool1_stride_s, pool1_stride_s)} is {@code stemPoolStride}, and {@code with_pool2},
 * {@code inflate}, {@code inflate_style} are {@code withPool2}, {@code inflate},
 * {@code inflateStyle}. Its I3D ResNet-50 is {@code depth: 50, stemKernel: [5, 7, 7],
 * stemStride: [2, 2, 2], stemPool: true, stemPoolStride: [2, 2, 2], withPool2: true,
 * temporalStrides: [1, 1, 1, 1], inflate: [[1, 1, 1], [1, 0, 1, 0], [1, 0, 1, 0, 1, 0], [0, 1, 0]],
 * inflateStyle: 3x1x1}. Two of MMAction2's defaults differ from these (which keep torchvision's
 * r3d): its {@code with_pool2} is true and its {@code inflate_style} is {@code 3x1x1}.
 *
 * <p>MMAction2's {@code ResNet3dSlowOnly} is this backbone too: {@code depth: 50, stemKernel: [1, 7, 7],
 * stemStride: [1, 2, 2], stemPool: true, stemPoolStride: [1, 2, 2], withPool2: false,
 * temporalStrides: [1, 1, 1, 1], inflate: [[0], [0], [1], [1]], inflateStyle: 3x1x1} (31,634,496
 * parameters; 32.45M with the 400-class I3D head, as MMAction2 lists it). Non-local blocks
 * ({@code nonLocal} and the {@code nonLocal*} keys, MMAction2's {@code non_local} and
 * {@code non_local_cfg}) apply to every conv type.
 *
 * @param depth 18 or 34 (basic blocks), 50, 101 or 152 (bottleneck blocks)
 * @param convType {@code 3d} (r3d, MMAction2's ResNet3d), {@code mc3}, {@code 2plus1d} (torchvision's R(2+1)D)
 *     or {@code conv2plus1d} (MMAction2's ResNet2Plus1d), see above
 * @param stageBlocks blocks in each of the four stages; empty: the depth's (2, 2, 2, 2 for 18).
 *     The block type still follows {@code depth}. For small test networks
 * @param inChannels channels of the input clip (3 for RGB, 2 for optical flow)
 * @param baseChannels width of the stem and the first stage; each stage doubles it
 * @param stemKernel stem convolution kernel (t, h, w); padding is half of it
 * @param stemStride stem convolution stride (t, h, w)
 * @param stemMidChannels {@code 2plus1d} only: channels between the stem's spatial and temporal
 *     convolutions
 * @param stemPool a (1, 3, 3) max pool with padding (0, 1, 1) after the stem, as MMAction2's ResNet3d has
 * @param stemPoolStride that pool's stride (t, h, w); MMAction2's I3D strides time too: (2, 2, 2)
 * @param withPool2 a (2, 1, 1) max pool with stride (2, 1, 1) after the first stage, halving time
 * @param spatialStrides stride in height and width of each stage's first block
 * @param temporalStrides stride in time of each stage's first block
 * @param inflate {@code convType 3d} only: per stage, whether each block convolves time (1) or
 *     only space (0, its 3x3x3 position becomes (1, 3, 3)); a stage's list holds one value per
 *     block, or a single value for all of them ({@code [[1], [1], [1], [1]]}: every block)
 * @param inflateStyle {@code convType 3d} only: {@code 3x3x3} or {@code 3x1x1}, see {@link InflateStyle}
 * @param bnEpsilon batch-norm epsilon
 * @param nonLocal MMAction2's {@code non_local}: per stage, whether a non-local block
 *     ({@link NonLocalBlock}, {@code layerN.M.non_local_block}) follows each block (1) or not (0),
 *     one value per block or one for the whole stage, as {@code inflate}. MMAction2's I3D-NL R50:
 *     {@code [[0, 0, 0], [0, 1, 0, 1], [0, 1, 0, 1, 0, 1], [0, 0, 0]]}
 * @param nonLocalMode {@code non_local_cfg.mode}: {@code embedded_gaussian} or {@code dot_product}
 * @param nonLocalSubSample {@code non_local_cfg.sub_sample}: a (1, 2, 2) max pool after the g and
 *     phi convolutions (their keys then are {@code g.0.conv.*}, {@code phi.0.conv.*}, as mmcv's
 *     {@code nn.Sequential} wrapping names them); mmcv's default false, MMAction2's I3D-NL configs true
 * @param nonLocalUseScale {@code non_local_cfg.use_scale}: {@code embedded_gaussian} divides the
 *     pairwise logits by sqrt(inner channels); mmcv's default true, MMAction2's I3D-NL configs false
 */
public record ResNet3dConfig(int depth, String convType, List<Integer> stageBlocks, int inChannels,
                             int baseChannels, List<Integer> stemKernel, List<Integer> stemStride,
                             int stemMidChannels, boolean stemPool, List<Integer> stemPoolStride, boolean withPool2,
                             List<Integer> spatialStrides, List<Integer> temporalStrides,
                             List<List<Integer>> inflate, String inflateStyle, double bnEpsilon,
                             List<List<Integer>> nonLocal, String nonLocalMode, boolean nonLocalSubSample,
                             boolean nonLocalUseScale) {

    static final List<Integer> DEPTHS = List.of(18, 34, 50, 101, 152);

    /** Every block of every stage convolves time. */
    static final List<List<Integer>> INFLATE_ALL = List.of(List.of(1), List.of(1), List.of(1), List.of(1));

    /** No non-local block anywhere. */
    static final List<List<Integer>> NON_LOCAL_NONE = List.of(List.of(0), List.of(0), List.of(0), List.of(0));

    /** mmcv NonLocal3d's modes this backbone builds. */
    static final String EMBEDDED_GAUSSIAN = "embedded_gaussian";
    static final String DOT_PRODUCT = "dot_product";
    static final List<String> NON_LOCAL_MODES = List.of(EMBEDDED_GAUSSIAN, DOT_PRODUCT);

    /** torchvision's bottleneck: time in the middle (3x3x3) convolution. */
    static final String DEFAULT_INFLATE_STYLE = "3x3x3";

    /** torchvision's R(2+1)D stem: 45 channels between its spatial and temporal convolutions. */
    static final int DEFAULTS_STEM_MID_CHANNELS = 45;

    public static final ResNet3dConfig DEFAULTS = new ResNet3dConfig(18, "3d", List.of(), 3, 64, List.of(3, 7, 7),
            List.of(1, 2, 2), DEFAULTS_STEM_MID_CHANNELS, false, List.of(1, 2, 2), false, List.of(1, 2, 2, 2), List.of(1, 2, 2, 2),
            INFLATE_ALL, DEFAULT_INFLATE_STYLE, 1e-5, NON_LOCAL_NONE, EMBEDDED_GAUSSIAN, false, true);

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
        stemPoolStride = ConfigChecks.positiveTriple("stemPoolStride", stemPoolStride);
        spatialStrides = ConfigChecks.positiveList("spatialStrides", spatialStrides, 4);
        temporalStrides = ConfigChecks.positiveList("temporalStrides", temporalStrides, 4);
        ConvType type = ConvType.fromConfig(convType);
        if (type == ConvType.MIXED && !temporalStrides.subList(1, 4).equals(List.of(1, 1, 1))) {
            throw new ConfigValueException("temporalStrides", "with convType mc3 stages 2-4 convolve no time and "
                    + "torchvision's mc3 does not stride it there: use [t, 1, 1, 1] (mc3_18: [1, 1, 1, 1]), got "
                    + temporalStrides);
        }
        inflate = checkedFlags("inflate", inflate, blocksPerStage(depth, stageBlocks));
        nonLocal = checkedFlags("nonLocal", nonLocal, blocksPerStage(depth, stageBlocks));
        ConfigChecks.oneOf("nonLocalMode", ConfigChecks.required("nonLocalMode", nonLocalMode), NON_LOCAL_MODES);
        ConfigChecks.oneOf("inflateStyle", ConfigChecks.required("inflateStyle", inflateStyle),
                InflateStyle.CONFIG_VALUES);
        if (type != ConvType.FULL_3D) {
            // mc3 and 2plus1d fix which convolutions see time; inflating on top would build neither.
            if (!inflate.equals(INFLATE_ALL)) {
                throw new ConfigValueException("inflate", "applies to convType 3d only (convType " + convType
                        + " fixes which convolutions see time): leave it " + INFLATE_ALL + ", got " + inflate);
            }
            if (!inflateStyle.equals(DEFAULT_INFLATE_STYLE)) {
                throw new ConfigValueException("inflateStyle", "applies to convType 3d only: leave it "
                        + DEFAULT_INFLATE_STYLE + " with convType " + convType + ", got " + inflateStyle);
            }
        }
        if (type == ConvType.CONV2PLUS1D) {
            if (depth >= 50) {
                throw new ConfigValueException("depth", "convType conv2plus1d (MMAction2's ResNet2Plus1d) is built with "
                        + "basic blocks: depth 18 or 34, got " + depth);
            }
            if (stemMidChannels != DEFAULTS_STEM_MID_CHANNELS) {
                throw new ConfigValueException("stemMidChannels", "applies to convType 2plus1d only (conv2plus1d "
                        + "computes its stem's mid width as MMAction2 does): leave it " + DEFAULTS_STEM_MID_CHANNELS
                        + ", got " + stemMidChannels);
            }
        }
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }

    /** {@code inflate} or {@code nonLocal}: per stage one 0/1 flag, or one per block. */
    private static List<List<Integer>> checkedFlags(String key, List<List<Integer>> perStage, List<Integer> blocks) {
        ConfigChecks.required(key, perStage);
        if (perStage.size() != 4) {
            throw new ConfigValueException(key, "must have one list per stage (4), got " + perStage);
        }
        List<List<Integer>> copy = new ArrayList<>();
        for (int stage = 0; stage < 4; stage++) {
            List<Integer> flags = perStage.get(stage);
            if (flags == null || !(flags.size() == 1 || flags.size() == blocks.get(stage))) {
                throw new ConfigValueException(key, "stage " + (stage + 1) + " needs one value or one per block ("
                        + blocks.get(stage) + "), got " + perStage);
            }
            for (Integer flag : flags) {
                if (flag == null || (flag != 0 && flag != 1)) {
                    throw new ConfigValueException(key, "values must be 0 or 1, got " + perStage);
                }
            }
            copy.add(List.copyOf(flags));
        }
        return List.copyOf(copy);
    }

    ConvType convolutions() {
        return ConvType.fromConfig(convType);
    }

    InflateStyle inflation() {
        return InflateStyle.fromConfig(inflateStyle);
    }

    /** The convolution at the 3x3x3 position of {@code block} in {@code stage} (both from 0). */
    BlockConv blockConv(int stage, int block) {
        ConvType type = convolutions();
        if (type != ConvType.FULL_3D) {
            return type.blockConv(stage);
        }
        List<Integer> flags = inflate.get(stage);
        return flags.get(flags.size() == 1 ? 0 : block) == 1 ? BlockConv.FULL : BlockConv.SPATIAL;
    }

    /** Whether a non-local block follows {@code block} of {@code stage} (both from 0). */
    boolean nonLocalAfter(int stage, int block) {
        List<Integer> flags = nonLocal.get(stage);
        return flags.get(flags.size() == 1 ? 0 : block) == 1;
    }

    /** Blocks per stage: {@link #stageBlocks} if set, else the depth's. */
    List<Integer> blocksPerStage() {
        return blocksPerStage(depth, stageBlocks);
    }

    private static List<Integer> blocksPerStage(int depth, List<Integer> stageBlocks) {
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
