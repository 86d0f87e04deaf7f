package io.action4j.plugins.csn;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.List;

/**
 * MMAction2's ResNet3dCSN, layer for layer and named as MMAction2 names it (see {@link CsnConfig}):
 * {@code conv1.conv}, {@code conv1.bn}, then bottlenecks {@code layerX.Y} with {@code conv1}
 * (1x1x1), {@code conv2} (an {@code nn.Sequential}: {@code conv2.0} the depthwise 3x3x3 in ir
 * mode; {@code conv2.0} a 1x1x1 and {@code conv2.1} the depthwise 3x3x3 in ip mode),
 * {@code conv3} (1x1x1 to four times the width) and {@code downsample}, each a ConvModule
 * ({@code .conv}, {@code .bn}). Convolutions have no bias.
 */
final class CsnBackbone implements Backbone {

    private static final int[] ONE = {1, 1, 1};
    private static final int[] THREE = {3, 3, 3};
    private static final int[] NO_PADDING = {0, 0, 0};
    private static final int EXPANSION = 4;

    private final CsnConfig config;

    CsnBackbone(CsnConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        long inputChannels = input.shape().rank() > 1 ? input.shape().dim(1) : TensorShape.UNKNOWN;
        if (inputChannels != TensorShape.UNKNOWN && inputChannels != config.inChannels()) {
            throw new GraphBuildException(graph.qualified("conv1.conv") + ": inChannels is " + config.inChannels()
                    + " but the input " + input.shape() + " has " + inputChannels + " channels");
        }
        int[] kernel = toArray(config.stemKernel());
        Feature x = conv(graph, "conv1", input, config.baseChannels(), kernel, toArray(config.stemStride()),
                new int[] {kernel[0] / 2, kernel[1] / 2, kernel[2] / 2}, true);
        // Padding with zeros (ND4J) rather than -inf (torch) changes nothing after the ReLU.
        x = graph.maxPool3d("maxpool", x, new int[] {1, 3, 3}, toArray(config.stemPoolStride()), new int[] {0, 1, 1});
        List<Integer> blocks = config.blocksPerStage();
        for (int stage = 0; stage < 4; stage++) {
            int planes = config.baseChannels() << stage;
            int spatial = config.spatialStrides().get(stage);
            int[] stride = {config.temporalStrides().get(stage), spatial, spatial};
            // As MMAction2's make_res_layer: project when the spatial stride or the width changes
            // (every stage's first block here, as each stage widens).
            boolean project = spatial != 1 || x.shape().dim(1) != (long) planes * EXPANSION;
            for (int block = 0; block < blocks.get(stage); block++) {
                String name = "layer" + (stage + 1) + "." + block;
                x = bottleneck(graph, name, x, planes, block == 0 ? stride : ONE, block == 0 && project);
            }
            if (stage == 0 && config.withPool2()) {
                x = graph.maxPool3d("pool2", x, new int[] {2, 1, 1}, new int[] {2, 1, 1}, NO_PADDING);
            }
        }
        return x;
    }

    /** CSNBottleneck3d: conv1 1x1x1, the channel-separated conv2, conv3 1x1x1, residual, ReLU. */
    private Feature bottleneck(GraphBuilder graph, String name, Feature x, int planes, int[] stride, boolean project) {
        Feature out = conv(graph, name + ".conv1", x, planes, ONE, ONE, NO_PADDING, true);
        int depthwise = 0;
        if (config.mode() == BottleneckMode.INTERACTION_PRESERVED) {
            out = conv(graph, name + ".conv2.0", out, planes, ONE, ONE, NO_PADDING, false);
            depthwise = 1;
        }
        String unit = name + ".conv2." + depthwise;
        out = DepthwiseConv3d.build(graph, unit + ".conv", out, THREE, stride, ONE);
        out = graph.relu(unit + ".relu", graph.batchNorm(unit + ".bn", out, config.bnEpsilon()));
        out = conv(graph, name + ".conv3", out, planes * EXPANSION, ONE, ONE, NO_PADDING, false);
        Feature shortcut = project
                ? conv(graph, name + ".downsample", x, planes * EXPANSION, ONE, stride, NO_PADDING, false)
                : x;
        return graph.relu(name + ".relu", graph.add(name + ".add", out, shortcut));
    }

    /** MMAction2's ConvModule: convolution without bias, batch norm, optional ReLU. */
    private Feature conv(GraphBuilder graph, String name, Feature x, int channels, int[] kernel, int[] stride,
                         int[] padding, boolean relu) {
        Feature conv = graph.conv3d(name + ".conv", x, channels, kernel, stride, padding, false);
        Feature norm = graph.batchNorm(name + ".bn", conv, config.bnEpsilon());
        return relu ? graph.relu(name + ".relu", norm) : norm;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
