package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * MMAction2's {@code ResNet3dSlowFast} (see {@link SlowFastConfig}), named as MMAction2 names it:
 * {@code slow_path.conv1.conv.weight}, {@code fast_path.layer1.0.conv1.conv.weight},
 * {@code slow_path.conv1_lateral.conv.weight}, {@code slow_path.layer1_lateral.conv.weight}, ...
 * (a checkpoint's {@code backbone.slow_path.X} is the graph's {@code backbone/slow_path.X}).
 *
 * <p>Output: {@code N x (C_fast + C_slow) x 1 x 1 x 1}: each pathway's last stage averaged over
 * time, height and width, concatenated fast first. That is what MMAction2's {@code SlowFastHead}
 * feeds its {@code fc_cls} ({@code torch.cat((x_fast, x_slow), dim=1)} after average pooling), so
 * the {@code i3d} head (global average pooling, which leaves this unchanged, then {@code fc_cls})
 * computes SlowFastHead exactly and loads its {@code cls_head.fc_cls} weights as they are.
 */
final class SlowFastBackbone implements Backbone {

    static final String SLOW = "slow_path.";
    static final String FAST = "fast_path.";

    private final SlowFastConfig config;

    SlowFastBackbone(SlowFastConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        if (input.shape().rank() != 5) {
            throw new GraphBuildException(graph.qualified(SLOW + "conv1") + ": expects an NCTHW input, got "
                    + input.shape());
        }
        ResNet3dBackbone slowPath = new ResNet3dBackbone(config.slowPathway(), SLOW);
        ResNet3dBackbone fastPath = new ResNet3dBackbone(config.fastPathway(), FAST);
        ConvUnits slowUnits = new ConvUnits(graph, config.slowPathway().bnEpsilon());
        ConvUnits fastUnits = new ConvUnits(graph, config.fastPathway().bnEpsilon());

        Feature slow = slowPath.stem(slowUnits, everyNthFrame(graph, SLOW + "resample", input, config.resampleRate()));
        Feature fast = fastPath.stem(fastUnits, everyNthFrame(graph, FAST + "resample", input, config.fastStride()));
        if (config.lateral()) {
            slow = fuse(slowUnits, SLOW + "conv1_lateral", slow, fast);
        }
        for (int stage = 0; stage < 4; stage++) {
            slow = slowPath.stage(slowUnits, stage, slow);
            fast = fastPath.stage(fastUnits, stage, fast);
            if (stage < 3 && config.lateral()) {
                slow = fuse(slowUnits, SLOW + "layer" + (stage + 1) + "_lateral", slow, fast);
            }
        }
        if (config.output().equals(SlowFastConfig.TIME_AVERAGED)) {
            return timeAveraged(graph, slow, fast);
        }
        Feature fastPooled = graph.globalAveragePool(FAST + "avg_pool", fast);
        Feature slowPooled = graph.globalAveragePool(SLOW + "avg_pool", slow);
        long channels = fastPooled.shape().dim(1) + slowPooled.shape().dim(1);
        SameDiff sd = graph.sameDiff();
        SDVariable both = sd.concat("pathways", 1, fastPooled.variable(), slowPooled.variable());
        SDVariable output = sd.reshape("pooled", both, -1, channels, 1, 1, 1);
        return new Feature(output, TensorShape.of(input.shape().dim(0), channels, 1, 1, 1));
    }

    /**
     * What MMAction2's {@code SingleRoIExtractor3D} makes of the two pathways before RoIAlign: each averaged over
     * time (its nearest resize to the longer pathway's length leaves the mean as it is when the lengths divide),
     * concatenated slow first: N x (C_slow + C_fast) x 1 x H x W.
     */
    private static Feature timeAveraged(GraphBuilder graph, Feature slow, Feature fast) {
        TensorShape s = slow.shape();
        TensorShape f = fast.shape();
        if (s.dim(3) != f.dim(3) || s.dim(4) != f.dim(4) || f.dim(2) % s.dim(2) != 0) {
            throw new GraphBuildException(graph.qualified("pathways") + ": the slow pathway ends at " + s
                    + " and the fast one at " + f + "; output timeAveraged needs the same height and width (the "
                    + "same spatialStrides in both) and a fast length that is a multiple of the slow one");
        }
        SameDiff sd = graph.sameDiff();
        SDVariable slowMean = sd.mean(SLOW + "time_mean", slow.variable(), true, 2);
        SDVariable fastMean = sd.mean(FAST + "time_mean", fast.variable(), true, 2);
        SDVariable both = sd.concat("pathways", 1, slowMean, fastMean);
        return new Feature(both, TensorShape.of(s.dim(0), s.dim(1) + f.dim(1), 1, s.dim(3), s.dim(4)));
    }

    /**
     * Frames 0, n, 2n, ... (floor(T / n) of them): what {@code interpolate(mode='nearest',
     * scale_factor=(1 / n, 1, 1))} gives; the input itself for n = 1.
     */
    private static Feature everyNthFrame(GraphBuilder graph, String name, Feature input, int n) {
        if (n == 1) {
            return input;
        }
        long frames = input.shape().dim(2);
        if (frames == TensorShape.UNKNOWN) {
            throw new GraphBuildException(graph.qualified(name) + ": needs a known number of frames, got " + input.shape());
        }
        if (frames < n) {
            throw new GraphBuildException(graph.qualified(name) + ": taking every " + n + "th frame needs at least "
                    + n + " frames, got " + input.shape());
        }
        int[] indices = new int[Math.toIntExact(frames / n)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i * n;
        }
        SDVariable picked = graph.sameDiff().gather(name, input.variable(), indices, 2);
        return new Feature(picked, input.shape().with(2, indices.length));
    }

    /**
     * A lateral connection: ResNet3dPathway's ConvModule from the fast features, kernel
     * (fusionKernel, 1, 1), stride (α, 1, 1), no bias, batch norm and ReLU only with lateralNorm;
     * its output concatenated after the slow features.
     */
    private Feature fuse(ConvUnits units, String name, Feature slow, Feature fast) {
        GraphBuilder graph = units.graph();
        long slowChannels = slow.shape().dim(1);
        long fastChannels = fast.shape().dim(1);
        if (slowChannels % config.channelRatio() != 0 || fastChannels != slowChannels / config.channelRatio()) {
            throw new GraphBuildException(graph.qualified(name) + ": a lateral takes slow width / channelRatio = "
                    + slowChannels + " / " + config.channelRatio() + " fast channels, but the fast pathway has "
                    + fastChannels + " (fastPathway.baseChannels should be slowPathway.baseChannels / channelRatio)");
        }
        int out = Math.toIntExact(slowChannels * config.lateralInflation() / config.channelRatio());
        int k = config.fusionKernel();
        int[] kernel = {k, 1, 1};
        int[] stride = {config.speedRatio(), 1, 1};
        int[] padding = {(k - 1) / 2, 0, 0};
        Feature lateral = config.lateralNorm()
                ? units.conv(name, fast, out, kernel, stride, padding, true)
                : graph.conv3d(name + ".conv", fast, out, kernel, stride, padding, false);
        for (int axis = 2; axis < 5; axis++) {
            if (lateral.shape().dim(axis) != slow.shape().dim(axis)) {
                throw new GraphBuildException(graph.qualified(name) + ": the lateral's output " + lateral.shape()
                        + " does not line up with the slow pathway's " + slow.shape()
                        + " (the fast pathway must see speedRatio times the slow pathway's frames)");
            }
        }
        SDVariable joined = graph.sameDiff().concat(name + ".concat", 1, slow.variable(), lateral.variable());
        return new Feature(joined, slow.shape().with(1, slowChannels + out));
    }
}
