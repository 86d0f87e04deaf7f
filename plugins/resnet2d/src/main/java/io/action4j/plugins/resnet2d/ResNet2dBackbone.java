package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.List;

/**
 * torchvision's 2D ResNet on every frame of a clip, named as MMAction2's ResNet / ResNetTSM:
 * {@code conv1.conv}, {@code conv1.bn}, {@code layer1.0.conv1.conv}, ...,
 * {@code layer2.0.downsample.conv}; a shifted convolution is {@code layer1.0.conv1.conv.net}.
 *
 * <p>Input: a clip {@code N x C x T x H x W} whose T frames are the video's segments. The frames
 * are folded into the batch ({@code (N*T) x C x H x W}, as MMAction2's Recognizer2D does), run
 * through 2D convolutions, and unfolded again: the output is {@code N x C' x T x H' x W'}, the
 * segments kept on the time axis, so that a head pools and averages them (TSN's consensus) just as
 * it pools a 3D backbone's time. Time, channels and size must be known when the graph is built.
 */
final class ResNet2dBackbone implements Backbone {

    private final ResNet2dConfig config;

    ResNet2dBackbone(ResNet2dConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = input.shape();
        if (in.rank() == 5 && in.dim(1) != TensorShape.UNKNOWN && in.dim(1) != config.inChannels()) {
            throw new GraphBuildException(graph.qualified("conv1.conv") + ": inChannels is " + config.inChannels()
                    + " but the input " + in + " has " + in.dim(1) + " channels");
        }
        Feature x = Frames.fold(graph, "frames", input);
        int segments = Math.toIntExact(in.dim(2));
        Layers2d layers = new Layers2d(graph);
        ConvModules units = new ConvModules(layers, config.bnEpsilon());
        TemporalShift shift = config.shifted() ? new TemporalShift(graph, segments, config.shiftDiv()) : null;

        x = units.conv("conv1", x, config.baseChannels(), 7, 2, true);
        x = layers.maxPool2d("maxpool", x, 3, 2, 1);
        int expansion = config.bottleneck() ? 4 : 1;
        List<Integer> blocks = config.blocksPerStage();
        for (int stage = 0; stage < 4; stage++) {
            int planes = config.baseChannels() << stage;
            int stride = config.strides().get(stage);
            for (int block = 0; block < blocks.get(stage); block++) {
                String name = "layer" + (stage + 1) + "." + block;
                int blockStride = block == 0 ? stride : 1;
                // As MMAction2's make_res_layer: project only where the stride or the width changes.
                boolean project = block == 0 && (stride != 1 || x.shape().dim(1) != (long) planes * expansion);
                TemporalShift blockShift = config.shiftsBlock(block) ? shift : null;
                x = config.bottleneck()
                        ? bottleneckBlock(units, blockShift, name, x, planes, blockStride, project)
                        : basicBlock(units, blockShift, name, x, planes, blockStride, project);
            }
        }
        return Frames.unfold(graph, "output", x, in.dim(0), segments);
    }

    private Feature basicBlock(ConvModules units, TemporalShift shift, String name, Feature x, int planes,
                               int stride, boolean project) {
        Feature out = firstConv(units, shift, name + ".conv1", x, planes, 3, stride);
        out = units.conv(name + ".conv2", out, planes, 3, 1, false);
        return residual(units, name, x, out, planes, stride, project);
    }

    private Feature bottleneckBlock(ConvModules units, TemporalShift shift, String name, Feature x, int planes,
                                    int stride, boolean project) {
        // style pytorch strides in the 3x3 convolution, caffe in the first 1x1 one.
        boolean caffe = config.style().equals("caffe");
        Feature out = firstConv(units, shift, name + ".conv1", x, planes, 1, caffe ? stride : 1);
        out = units.conv(name + ".conv2", out, planes, 3, caffe ? 1 : stride, true);
        out = units.conv(name + ".conv3", out, planes * 4, 1, 1, false);
        return residual(units, name, x, out, planes * 4, stride, project);
    }

    /** A block's first ConvModule, after the temporal shift where TSM puts one ('blockres'). */
    private static Feature firstConv(ConvModules units, TemporalShift shift, String name, Feature x, int planes,
                                 int kernel, int stride) {
        return shift == null
                ? units.conv(name, x, planes, kernel, stride, true)
                : units.shiftedConv(name, shift, x, planes, kernel, stride, true);
    }

    private static Feature residual(ConvModules units, String name, Feature identity, Feature out, int channels,
                                    int stride, boolean project) {
        // The shortcut sees the unshifted input: MMAction2 shifts inside conv1 only.
        Feature shortcut = project ? units.conv(name + ".downsample", identity, channels, 1, stride, false) : identity;
        return units.graph().relu(name + ".relu", units.graph().add(name + ".add", out, shortcut));
    }
}
