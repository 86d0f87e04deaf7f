package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.plugins.resnet3d.ConvType.BlockConv;
import java.util.Arrays;
import java.util.List;

/**
 * torchvision's VideoResNet ({@code r3d}, {@code mc3} and {@code r(2+1)d}) and MMAction2's
 * ResNet3d (I3D: inflated blocks, stem and stage-1 pooling), see {@link ResNet3dConfig}, layer for
 * layer, named as MMAction2 names its ResNet3d: {@code conv1.conv}, {@code conv1.bn},
 * {@code layer1.0.conv1.conv}, ..., {@code layer2.0.downsample.conv}; (2+1)D units are
 * {@code conv_s}, {@code bn_s}, {@code conv_t}, {@code bn} (see {@link ConvUnits}); a non-local
 * block after a block is {@code layerN.M.non_local_block} (see {@link NonLocalBlock}). In a SlowFast
 * pathway every name has the pathway's prefix ({@code slow_path.conv1.conv}, see {@link SlowFastBackbone}).
 */
final class ResNet3dBackbone implements Backbone {

    private static final int[] ONE = {1, 1, 1};
    private static final int[] THREE = {3, 3, 3};
    private static final int[] NO_PADDING = {0, 0, 0};
    /** MMAction2's 3x1x1 inflation: a bottleneck's first convolution sees time. */
    private static final int[] TEMPORAL = {3, 1, 1};
    private static final int[] TEMPORAL_PADDING = {1, 0, 0};

    private final ResNet3dConfig config;
    private final ConvType convType;
    /** Put before every name: empty, or {@code slow_path.} / {@code fast_path.} in a SlowFast pathway. */
    private final String prefix;

    ResNet3dBackbone(ResNet3dConfig config) {
        this(config, "");
    }

    ResNet3dBackbone(ResNet3dConfig config, String prefix) {
        this.config = config;
        this.convType = config.convolutions();
        this.prefix = prefix;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        ConvUnits units = new ConvUnits(graph, config.bnEpsilon());
        Feature x = stem(units, input);
        for (int stage = 0; stage < 4; stage++) {
            x = stage(units, stage, x);
            if (stage == 0 && config.withPool2()) {
                x = graph.maxPool3d(prefix + "pool2", x, new int[] {2, 1, 1}, new int[] {2, 1, 1}, NO_PADDING);
            }
        }
        return x;
    }

    /** The stem convolution and, with {@code stemPool}, its max pool. */
    Feature stem(ConvUnits units, Feature input) {
        GraphBuilder graph = units.graph();
        long inputChannels = input.shape().rank() > 1 ? input.shape().dim(1) : TensorShape.UNKNOWN;
        if (inputChannels != TensorShape.UNKNOWN && inputChannels != config.inChannels()) {
            // Without this check the stem silently takes its width from the input, and a model
            // configured for 2-channel flow would be built (and fail to load weights) as RGB.
            String stem = prefix + (convType.mmaction2Factorised() ? "conv1.conv.conv_s"
                    : convType.factorisedStem() ? "conv1.conv_s" : "conv1.conv");
            throw new GraphBuildException(graph.qualified(stem) + ": inChannels is " + config.inChannels()
                    + " but the input " + input.shape() + " has " + inputChannels + " channels");
        }
        int[] kernel = toArray(config.stemKernel());
        int[] stride = toArray(config.stemStride());
        Feature x;
        if (convType.mmaction2Factorised()) {
            x = units.conv2plus1d(prefix + "conv1", input, config.baseChannels(), kernel, stride, true);
        } else if (convType.factorisedStem()) {
            x = units.factorised(prefix + "conv1", input, config.stemMidChannels(), config.baseChannels(), kernel,
                    stride, true);
        } else {
            x = units.conv(prefix + "conv1", input, config.baseChannels(), kernel, stride,
                    new int[] {kernel[0] / 2, kernel[1] / 2, kernel[2] / 2}, true);
        }
        if (config.stemPool()) {
            // Padding with zeros (ND4J) rather than -inf (torch) changes nothing after the ReLU.
            x = graph.maxPool3d(prefix + "maxpool", x, new int[] {1, 3, 3}, toArray(config.stemPoolStride()),
                    new int[] {0, 1, 1});
        }
        return x;
    }

    /**
     * Stage {@code stage} (0 to 3, {@code layer1} to {@code layer4}), its non-local blocks included;
     * its input width is taken from {@code x} (in a SlowFast slow pathway it includes the lateral channels).
     */
    Feature stage(ConvUnits units, int stage, Feature x) {
        int expansion = config.bottleneck() ? 4 : 1;
        int planes = config.baseChannels() << stage;
        int[] stride = {config.temporalStrides().get(stage), config.spatialStrides().get(stage),
                config.spatialStrides().get(stage)};
        for (int block = 0; block < config.blocksPerStage().get(stage); block++) {
            String name = prefix + "layer" + (stage + 1) + "." + block;
            BlockConv kind = config.blockConv(stage, block);
            int[] blockStride = block == 0 ? stride : ONE;
            // As torchvision's _make_layer: project only where the stride or the width changes.
            boolean project = block == 0 && (!Arrays.equals(stride, ONE) || x.shape().dim(1) != (long) planes * expansion);
            x = config.bottleneck()
                    ? bottleneckBlock(units, kind, name, x, planes, blockStride, project)
                    : basicBlock(units, kind, name, x, planes, blockStride, project);
            if (config.nonLocalAfter(stage, block)) {
                x = NonLocalBlock.build(units, name + ".non_local_block", x, config.nonLocalMode(),
                        config.nonLocalSubSample(), config.nonLocalUseScale());
            }
        }
        return x;
    }

    private Feature basicBlock(ConvUnits units, BlockConv kind, String name, Feature x, int planes, int[] stride,
                               boolean project) {
        // torchvision computes one mid width per block, from the block's input width, for both convs.
        int mid = ConvUnits.midChannels(x.shape().dim(1), planes);
        Feature out = blockConv(units, kind, name + ".conv1", x, mid, planes, stride, true);
        out = blockConv(units, kind, name + ".conv2", out, mid, planes, ONE, false);
        return residual(units, name, x, out, planes, stride, project);
    }

    private Feature bottleneckBlock(ConvUnits units, BlockConv kind, String name, Feature x, int planes, int[] stride,
                                    boolean project) {
        int mid = ConvUnits.midChannels(x.shape().dim(1), planes);
        // MMAction2's 3x1x1 style moves an inflated block's time from conv2 to conv1.
        boolean timeFirst = kind == BlockConv.FULL && config.inflation() == InflateStyle.TEMPORAL_FIRST;
        Feature out = timeFirst
                ? units.conv(name + ".conv1", x, planes, TEMPORAL, ONE, TEMPORAL_PADDING, true)
                : units.conv(name + ".conv1", x, planes, ONE, ONE, NO_PADDING, true);
        out = blockConv(units, timeFirst ? BlockConv.SPATIAL : kind, name + ".conv2", out, mid, planes, stride, true);
        out = units.conv(name + ".conv3", out, planes * 4, ONE, ONE, NO_PADDING, false);
        return residual(units, name, x, out, planes * 4, stride, project);
    }

    /** The block's 3x3x3-position convolution and its batch norm, as torchvision's conv builder makes it. */
    private static Feature blockConv(ConvUnits units, BlockConv kind, String name, Feature x, int mid, int channels,
                                     int[] stride, boolean relu) {
        return switch (kind) {
            case FULL -> units.conv(name, x, channels, THREE, stride, ONE, relu);
            case SPATIAL -> units.conv(name, x, channels, new int[] {1, 3, 3}, stride, new int[] {0, 1, 1}, relu);
            case FACTORISED -> units.factorised(name, x, mid, channels, THREE, stride, relu);
            case CONV2PLUS1D -> units.conv2plus1d(name, x, channels, THREE, stride, relu);
        };
    }

    private Feature residual(ConvUnits units, String name, Feature identity, Feature out, int channels,
                             int[] stride, boolean project) {
        Feature shortcut;
        if (!project) {
            shortcut = identity;
        } else if (convType.mmaction2Factorised()) {
            // MMAction2 builds the projection with the backbone's conv_cfg: a 1x1x1 Conv2plus1d.
            shortcut = units.conv2plus1d(name + ".downsample", identity, channels, ONE, stride, false);
        } else {
            shortcut = units.conv(name + ".downsample", identity, channels, ONE, stride, NO_PADDING, false);
        }
        return units.graph().relu(name + ".relu", units.graph().add(name + ".add", out, shortcut));
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
