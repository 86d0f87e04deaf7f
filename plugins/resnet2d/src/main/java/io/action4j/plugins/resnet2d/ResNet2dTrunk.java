package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import java.util.List;

/**
 * The layers of a 2D ResNet on frames ({@code (N*T) x C x H x W}), stage by stage, under a name prefix:
 * what {@link ResNet2dBackbone} runs on every frame, and what the fusion backbones run on stacked frames,
 * on two streams, or up to a chosen stage. Names are MMAction2's ResNet's after the prefix
 * ({@code conv1.conv}, {@code layer1.0.conv1.conv}, ...).
 */
final class ResNet2dTrunk {

    static final int STAGES = 4;

    private final ResNet2dConfig config;
    private final ConvModules units;
    private final TemporalShift shift;
    private final String prefix;

    /**
     * @param prefix put in front of every layer name, e.g. {@code ""} or {@code "rgb."}
     * @param shift the temporal shift of TSM, or null
     */
    ResNet2dTrunk(GraphBuilder graph, ResNet2dConfig config, String prefix, TemporalShift shift) {
        this.config = config;
        this.units = new ConvModules(new Layers2d(graph), config.bnEpsilon());
        this.shift = shift;
        this.prefix = prefix;
    }

    /** The stem and every stage. */
    Feature apply(Feature frames) {
        return stages(stem(frames), 0, STAGES);
    }

    /** {@code conv1} (7x7, stride 2) and the 3x3 max pool. */
    Feature stem(Feature frames) {
        Feature x = units.conv(prefix + "conv1", frames, config.baseChannels(), 7, 2, true);
        return units.layers().maxPool2d(prefix + "maxpool", x, 3, 2, 1);
    }

    /** Stages {@code from} (inclusive, 0-based) to {@code to} (exclusive): {@code layer(from+1)} ... */
    Feature stages(Feature x, int from, int to) {
        for (int stage = from; stage < to; stage++) {
            x = stage(stage, x);
        }
        return x;
    }

    /** Channels out of stage {@code stage} (0-based). */
    int outChannels(int stage) {
        return (config.baseChannels() << stage) * (config.bottleneck() ? 4 : 1);
    }

    private Feature stage(int stage, Feature x) {
        int expansion = config.bottleneck() ? 4 : 1;
        int planes = config.baseChannels() << stage;
        int stride = config.strides().get(stage);
        List<Integer> blocks = config.blocksPerStage();
        for (int block = 0; block < blocks.get(stage); block++) {
            String name = prefix + "layer" + (stage + 1) + "." + block;
            int blockStride = block == 0 ? stride : 1;
            // As MMAction2's make_res_layer: project only where the stride or the width changes.
            boolean project = block == 0 && (stride != 1 || x.shape().dim(1) != (long) planes * expansion);
            TemporalShift blockShift = config.shiftsBlock(block) ? shift : null;
            x = config.bottleneck()
                    ? bottleneckBlock(blockShift, name, x, planes, blockStride, project)
                    : basicBlock(blockShift, name, x, planes, blockStride, project);
        }
        return x;
    }

    private Feature basicBlock(TemporalShift shift, String name, Feature x, int planes, int stride, boolean project) {
        Feature out = firstConv(shift, name + ".conv1", x, planes, 3, stride);
        out = units.conv(name + ".conv2", out, planes, 3, 1, false);
        return residual(name, x, out, planes, stride, project);
    }

    private Feature bottleneckBlock(TemporalShift shift, String name, Feature x, int planes, int stride,
                                    boolean project) {
        // style pytorch strides in the 3x3 convolution, caffe in the first 1x1 one.
        boolean caffe = config.style().equals("caffe");
        Feature out = firstConv(shift, name + ".conv1", x, planes, 1, caffe ? stride : 1);
        out = units.conv(name + ".conv2", out, planes, 3, caffe ? 1 : stride, true);
        out = units.conv(name + ".conv3", out, planes * 4, 1, 1, false);
        return residual(name, x, out, planes * 4, stride, project);
    }

    /** A block's first ConvModule, after the temporal shift where TSM puts one ('blockres'). */
    private Feature firstConv(TemporalShift shift, String name, Feature x, int planes, int kernel, int stride) {
        return shift == null
                ? units.conv(name, x, planes, kernel, stride, true)
                : units.shiftedConv(name, shift, x, planes, kernel, stride, true);
    }

    private Feature residual(String name, Feature identity, Feature out, int channels, int stride, boolean project) {
        // The shortcut sees the unshifted input: MMAction2 shifts inside conv1 only.
        Feature shortcut = project ? units.conv(name + ".downsample", identity, channels, 1, stride, false) : identity;
        return units.graph().relu(name + ".relu", units.graph().add(name + ".add", out, shortcut));
    }
}
