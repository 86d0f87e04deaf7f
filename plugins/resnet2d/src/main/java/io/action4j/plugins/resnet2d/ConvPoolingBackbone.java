package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Conv pooling: the 2D ResNet on each frame, then the maximum over time of each channel at each position
 * ({@code temporal_max}). Input {@code N x C x T x H x W}, output {@code N x C' x 1 x H' x W'}. The maximum
 * ignores the frames' order, so it tells appearance over time, not the direction of a motion.
 */
final class ConvPoolingBackbone implements Backbone {

    private final ConvPoolingConfig config;

    ConvPoolingBackbone(ConvPoolingConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = Frames.requireTrunkInput(graph, input, config.inChannels());
        Feature frames = Frames.fold(graph, "frames", input);
        Feature x = new ResNet2dTrunk(graph, config.trunk().resnet(config.inChannels()), "", null).apply(frames);
        Feature clip = Frames.unfold(graph, "unfold", x, in.dim(0), in.dim(2));
        TensorShape shape = clip.shape();
        SDVariable pooled = graph.sameDiff().max("temporal_max", clip.variable(), true, 2);
        return new Feature(pooled, TensorShape.of(shape.dim(0), shape.dim(1), 1, shape.dim(3), shape.dim(4)));
    }
}
