package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;

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
        TemporalShift shift = config.shifted() ? new TemporalShift(graph, segments, config.shiftDiv()) : null;
        x = new ResNet2dTrunk(graph, config, "", shift).apply(x);
        return Frames.unfold(graph, "output", x, in.dim(0), segments);
    }
}
