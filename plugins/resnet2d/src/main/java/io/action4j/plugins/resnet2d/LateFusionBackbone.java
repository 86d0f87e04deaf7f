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
 * Late fusion: the first and the last frame of an {@code N x C x T x H x W} clip through one shared 2D
 * ResNet ({@code conv1.conv}, {@code layer1.0...}), each averaged over space, concatenated (first, then
 * last) and joined by {@code fusion_fc} and a ReLU. Output {@code N x fusionChannels x 1 x 1 x 1}, for a
 * head that pools and classifies.
 */
final class LateFusionBackbone implements Backbone {

    private final LateFusionConfig config;

    LateFusionBackbone(LateFusionConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = Frames.requireTrunkInput(graph, input, config.inChannels());
        if (in.dim(2) < 2) {
            throw new GraphBuildException(graph.qualified("frames") + ": late fusion needs two frames or more, got "
                    + in);
        }
        SameDiff sd = graph.sameDiff();
        long last = in.dim(2) - 1;
        SDVariable clip = input.variable();
        SDVariable ends = sd.concat("ends", 2,
                clip.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, 1L), SDIndex.all(), SDIndex.all()),
                clip.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(last, last + 1), SDIndex.all(), SDIndex.all()));
        Feature pair = new Feature(ends, TensorShape.of(in.dim(0), in.dim(1), 2, in.dim(3), in.dim(4)));
        Feature frames = Frames.fold(graph, "frames", pair);
        Feature x = new ResNet2dTrunk(graph, config.trunk().resnet(config.inChannels()), "", null).apply(frames);
        long channels = x.shape().dim(1);
        SDVariable pooled = sd.mean("frame_pool", x.variable(), 2, 3);
        // Frame-major: the first frame's features, then the last's, so fusion_fc sees their order.
        SDVariable joined = sd.reshape("joined", pooled, -1, 2 * channels);
        Feature fused = graph.linear("fusion_fc", new Feature(joined, TensorShape.of(in.dim(0), 2 * channels)),
                config.fusionChannels(), 0.01);
        fused = graph.relu("fusion_relu", fused);
        SDVariable output = sd.reshape("output", fused.variable(), -1, config.fusionChannels(), 1, 1, 1);
        return new Feature(output, TensorShape.of(in.dim(0), config.fusionChannels(), 1, 1, 1));
    }
}
