package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.List;

/**
 * torchvision's VideoResNet with full 3D convolutions (the r3d family), named as MMAction2 names
 * its ResNet3d: {@code conv1.conv}, {@code conv1.bn}, {@code layer1.0.conv1.conv}, ...,
 * {@code layer2.0.downsample.conv}.
 */
final class ResNet3dBackbone implements Backbone {

    private static final int[] ONE = {1, 1, 1};
    private static final int[] THREE = {3, 3, 3};

    private final ResNet3dConfig config;

    ResNet3dBackbone(ResNet3dConfig config) {
        this.config = config;
    }

    static List<Integer> blocksPerStage(int depth) {
        return switch (depth) {
            case 18 -> List.of(2, 2, 2, 2);
            case 34, 50 -> List.of(3, 4, 6, 3);
            case 101 -> List.of(3, 4, 23, 3);
            case 152 -> List.of(3, 8, 36, 3);
            default -> throw new IllegalArgumentException("unsupported depth " + depth);
        };
    }

    static boolean usesBottleneck(int depth) {
        return depth >= 50;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        long inputChannels = input.shape().rank() > 1 ? input.shape().dim(1) : TensorShape.UNKNOWN;
        if (inputChannels != TensorShape.UNKNOWN && inputChannels != config.inChannels()) {
            // Without this check the stem silently takes its width from the input, and a model
            // configured for 2-channel flow would be built (and fail to load weights) as RGB.
            throw new GraphBuildException(graph.qualified("conv1.conv") + ": inChannels is " + config.inChannels()
                    + " but the input " + input.shape() + " has " + inputChannels + " channels");
        }
        int[] stemKernel = toArray(config.stemKernel());
        int[] stemPadding = {stemKernel[0] / 2, stemKernel[1] / 2, stemKernel[2] / 2};
        Feature x = convBnRelu(graph, "conv1", input, config.baseChannels(), stemKernel, toArray(config.stemStride()),
                stemPadding, true);
        if (config.stemPool()) {
            x = graph.maxPool3d("maxpool", x, new int[] {1, 3, 3}, new int[] {1, 2, 2}, new int[] {0, 1, 1});
        }
        boolean bottleneck = usesBottleneck(config.depth());
        int expansion = bottleneck ? 4 : 1;
        List<Integer> blocks = blocksPerStage(config.depth());
        for (int stage = 0; stage < 4; stage++) {
            int planes = config.baseChannels() << stage;
            int[] stride = {config.temporalStrides().get(stage), config.spatialStrides().get(stage),
                    config.spatialStrides().get(stage)};
            for (int block = 0; block < blocks.get(stage); block++) {
                String name = "layer" + (stage + 1) + "." + block;
                int[] blockStride = block == 0 ? stride : ONE;
                boolean project = block == 0 && (!java.util.Arrays.equals(stride, ONE) || x.shape().dim(1) != (long) planes * expansion);
                x = bottleneck
                        ? bottleneckBlock(graph, name, x, planes, blockStride, project)
                        : basicBlock(graph, name, x, planes, blockStride, project);
            }
        }
        return x;
    }

    private Feature basicBlock(GraphBuilder graph, String name, Feature x, int planes, int[] stride, boolean project) {
        Feature out = convBnRelu(graph, name + ".conv1", x, planes, THREE, stride, ONE, true);
        out = convBnRelu(graph, name + ".conv2", out, planes, THREE, ONE, ONE, false);
        return residual(graph, name, x, out, planes, stride, project);
    }

    private Feature bottleneckBlock(GraphBuilder graph, String name, Feature x, int planes, int[] stride,
                                    boolean project) {
        Feature out = convBnRelu(graph, name + ".conv1", x, planes, ONE, ONE, new int[3], true);
        out = convBnRelu(graph, name + ".conv2", out, planes, THREE, stride, ONE, true);
        out = convBnRelu(graph, name + ".conv3", out, planes * 4, ONE, ONE, new int[3], false);
        return residual(graph, name, x, out, planes * 4, stride, project);
    }

    private Feature residual(GraphBuilder graph, String name, Feature identity, Feature out, int channels, int[] stride,
                             boolean project) {
        Feature shortcut = project
                ? convBnRelu(graph, name + ".downsample", identity, channels, ONE, stride, new int[3], false)
                : identity;
        return graph.relu(name + ".relu", graph.add(name + ".add", out, shortcut));
    }

    /** MMAction2's ConvModule: convolution without bias, batch norm, optional ReLU. */
    private Feature convBnRelu(GraphBuilder graph, String name, Feature x, int channels, int[] kernel, int[] stride,
                               int[] padding, boolean relu) {
        Feature conv = graph.conv3d(name + ".conv", x, channels, kernel, stride, padding, false);
        Feature norm = graph.batchNorm(name + ".bn", conv, config.bnEpsilon());
        return relu ? graph.relu(name + ".relu", norm) : norm;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
