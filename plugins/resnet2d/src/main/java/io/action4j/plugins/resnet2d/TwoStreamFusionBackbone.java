package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Two 2D ResNets, {@code rgb.*} on each segment's middle RGB frame and {@code motion.*} on its stacked motion
 * frames, fused after {@code layer<fuseAfter>} as {@link TwoStreamFusionConfig#fusion()} says; the later
 * stages run once, as {@code fused.layer<k>...}. Output {@code N x C' x S x H' x W'} (S segments; 1 after
 * {@code conv3d} fusion, whose pooling spans them).
 */
final class TwoStreamFusionBackbone implements Backbone {

    private static final double BILINEAR_EPSILON = 1e-8;

    private final TwoStreamFusionConfig config;

    TwoStreamFusionBackbone(TwoStreamFusionConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = Frames.requireKnown(graph, "streams", input);
        int rgb = config.rgbChannels();
        if (in.dim(1) <= rgb) {
            throw new GraphBuildException(graph.qualified("streams") + ": the input " + in + " has no channels for "
                    + "the motion stream after the " + rgb + " RGB channels (rgbChannels)");
        }
        int length = config.stackFrames() == 0 ? Math.toIntExact(in.dim(2)) : config.stackFrames();
        if (in.dim(2) % length != 0) {
            throw new GraphBuildException(graph.qualified("streams") + ": segments of " + length
                    + " frames (stackFrames) need a clip whose time is a multiple of it, got " + in);
        }
        long segments = in.dim(2) / length;
        SameDiff sd = graph.sameDiff();
        SDVariable clip = input.variable();

        // The spatial stream: the middle frame of each segment, as the segments' frames.
        SDVariable rgbClip = clip.get(SDIndex.all(), SDIndex.interval(0L, (long) rgb), SDIndex.all(), SDIndex.all(),
                SDIndex.all());
        SDVariable bySegment = sd.reshape("rgb.segments", rgbClip, -1, rgb, segments, length, in.dim(3), in.dim(4));
        SDVariable middle = sd.reshape("rgb.middle",
                bySegment.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.point(length / 2), SDIndex.all(),
                        SDIndex.all()), -1, rgb, segments, in.dim(3), in.dim(4));
        Feature rgbFrames = Frames.fold(graph, "rgb.frames",
                new Feature(middle, TensorShape.of(in.dim(0), rgb, segments, in.dim(3), in.dim(4))));

        // The temporal stream: each segment's motion frames stacked on channels.
        long motion = in.dim(1) - rgb;
        SDVariable motionClip = clip.get(SDIndex.all(), SDIndex.interval((long) rgb, in.dim(1)), SDIndex.all(),
                SDIndex.all(), SDIndex.all());
        Feature motionFrames = Frames.stack(graph, "motion.stack",
                new Feature(motionClip, TensorShape.of(in.dim(0), motion, in.dim(2), in.dim(3), in.dim(4))), length);

        int stages = config.fuseAfter();
        ResNet2dTrunk spatial = new ResNet2dTrunk(graph, config.trunk().resnet(rgb), "rgb.", null);
        ResNet2dTrunk temporal = new ResNet2dTrunk(graph,
                config.trunk().resnet(Math.toIntExact(motionFrames.shape().dim(1))), "motion.", null);
        Feature a = spatial.stages(spatial.stem(rgbFrames), 0, stages);
        Feature b = temporal.stages(temporal.stem(motionFrames), 0, stages);

        if (config.fusion().equals("conv3d")) {
            Feature fused = conv3dFusion(graph, a, b, in.dim(0), segments, spatial.outChannels(stages - 1));
            Feature frames = Frames.fold(graph, "fused.frames", fused);
            return Frames.unfold(graph, "output", laterStages(graph, frames), in.dim(0), 1);
        }
        Feature fused = switch (config.fusion()) {
            case "sum" -> graph.add("fusion.sum", a, b);
            case "max" -> new Feature(sd.math().max("fusion.max", a.variable(), b.variable()), a.shape());
            case "concat" -> graph.concatChannels("fusion.concat", a, b);
            case "conv" -> convFusion(graph, a, b, spatial.outChannels(stages - 1));
            case "bilinear" -> bilinear(graph, a, b);
            default -> throw new IllegalStateException("unknown fusion " + config.fusion());
        };
        return Frames.unfold(graph, "output", laterStages(graph, fused), in.dim(0), segments);
    }

    /** The stages after the fusion, one trunk on the fused features. */
    private Feature laterStages(GraphBuilder graph, Feature fused) {
        ResNet2dTrunk after = new ResNet2dTrunk(graph, config.trunk().resnet(Math.toIntExact(fused.shape().dim(1))),
                "fused.", null);
        return after.stages(fused, config.fuseAfter(), ResNet2dTrunk.STAGES);
    }

    private Feature convFusion(GraphBuilder graph, Feature a, Feature b, int channels) {
        Feature joined = graph.concatChannels("fusion.concat", a, b);
        Feature conv = graph.conv2d("fusion.conv", joined, channels, new int[] {1, 1}, new int[] {1, 1},
                new int[] {0, 0}, false);
        return graph.relu("fusion.relu", graph.batchNorm("fusion.bn", conv, config.trunk().bnEpsilon()));
    }

    /**
     * Per frame, the channels' outer product summed over the h x w positions and divided by their number,
     * {@code C x C} flattened, then {@code sign(x) sqrt(|x|)} and L2 normalisation; {@code (N*S) x C^2 x 1 x 1}.
     */
    private static Feature bilinear(GraphBuilder graph, Feature a, Feature b) {
        SameDiff sd = graph.sameDiff();
        TensorShape shape = a.shape();
        long channels = shape.dim(1);
        long positions = shape.dim(2) * shape.dim(3);
        SDVariable left = sd.reshape("fusion.rgb_flat", a.variable(), -1, channels, positions);
        SDVariable right = sd.reshape("fusion.motion_flat", b.variable(), -1, channels, positions);
        SDVariable outer = sd.mmul("fusion.outer", left, right, false, true, false).div(positions);
        SDVariable flat = sd.reshape("fusion.flat", outer, -1, channels * channels);
        SDVariable root = sd.math().sign(flat).mul(sd.math().sqrt(sd.math().abs(flat).add(BILINEAR_EPSILON)));
        SDVariable norm = sd.math().sqrt(root.mul(root).sum(true, 1).add(BILINEAR_EPSILON));
        SDVariable normalised = sd.reshape("fusion.bilinear", root.div(norm), -1, channels * channels, 1, 1);
        return new Feature(normalised, TensorShape.of(shape.dim(0), channels * channels, 1, 1));
    }

    /**
     * Both streams concatenated with the segments on time, a 3x3x3 convolution back to one stream's width
     * (batch norm, ReLU), then a max pool over every segment and 3 x 3 positions (padded): N x C x 1 x h x w.
     */
    private Feature conv3dFusion(GraphBuilder graph, Feature a, Feature b, long batch, long segments, int channels) {
        Feature joined = Frames.unfold(graph, "fusion.clip", graph.concatChannels("fusion.concat", a, b), batch,
                segments);
        Feature conv = graph.conv3d("fusion.conv", joined, channels, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}, false);
        Feature activated = graph.relu("fusion.relu", graph.batchNorm("fusion.bn", conv, config.trunk().bnEpsilon()));
        return graph.maxPool3d("fusion.pool", activated, new int[] {Math.toIntExact(segments), 3, 3},
                new int[] {1, 1, 1}, new int[] {0, 1, 1});
    }
}
