package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;

/**
 * Frames stacked on the channel axis into one 2D ResNet: Karpathy et al.'s early fusion, and TSN's
 * temporal streams on stacked flow ({@code 2L} channels) or stacked RGB differences. Input
 * {@code N x C x T x H x W}; output {@code N x C' x S x H' x W'} with {@code S = T / L} stacks. Names are
 * MMAction2's ResNet's ({@code conv1.conv}, ...), as MMAction2's TSN flow models name theirs.
 */
final class EarlyFusionBackbone implements Backbone {

    private final EarlyFusionConfig config;

    EarlyFusionBackbone(EarlyFusionConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = Frames.requireKnown(graph, "stack", input);
        int length = config.stackFrames() == 0 ? Math.toIntExact(in.dim(2)) : config.stackFrames();
        Feature stacks = Frames.stack(graph, "stack", input, length);
        ResNet2dConfig resnet = config.trunk().resnet(Math.toIntExact(stacks.shape().dim(1)));
        Feature x = new ResNet2dTrunk(graph, resnet, "", null).apply(stacks);
        return Frames.unfold(graph, "output", x, in.dim(0), in.dim(2) / length);
    }
}
