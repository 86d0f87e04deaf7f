package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * CNN + LSTM: the 2D ResNet ({@code conv1.conv}, {@code layer1.0...}) on each of the T frames, averaged over
 * space, then {@link Lstm} {@code lstm} over the frames in order. Output {@code N x hiddenSize x 1 x 1 x 1}.
 */
final class CnnLstmBackbone implements Backbone {

    private final CnnLstmConfig config;

    CnnLstmBackbone(CnnLstmConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape in = Frames.requireTrunkInput(graph, input, config.inChannels());
        SameDiff sd = graph.sameDiff();
        int steps = Math.toIntExact(in.dim(2));
        Feature frames = Frames.fold(graph, "frames", input);
        Feature x = new ResNet2dTrunk(graph, config.trunk().resnet(config.inChannels()), "", null).apply(frames);
        long channels = x.shape().dim(1);
        // (N*T) x C', video-major, viewed as the LSTM's N x T x C' sequence.
        SDVariable sequence = sd.reshape("sequence", sd.mean("frame_pool", x.variable(), 2, 3), -1, steps, channels);
        SDVariable[] states = new Lstm(graph, "lstm", config.hiddenSize()).run(sequence, steps, channels);
        SDVariable summary = config.output().equals("last")
                ? states[steps - 1]
                : sd.mean("lstm.mean", sd.stack(1, states), 1);
        SDVariable output = sd.reshape("output", summary, -1, config.hiddenSize(), 1, 1, 1);
        return new Feature(output, TensorShape.of(in.dim(0), config.hiddenSize(), 1, 1, 1));
    }
}
