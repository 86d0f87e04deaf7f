package io.action4j.plugins.c3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.List;

/**
 * MMAction2's C3D ({@link C3dConfig}), layer for layer, with MMAction2's names:
 * {@code conv1a.conv.weight}, {@code conv1a.conv.bias}, ..., {@code conv5b.conv.bias},
 * {@code fc6.weight}, {@code fc6.bias}, {@code fc7.weight}, {@code fc7.bias}.
 */
final class C3dBackbone implements Backbone {

    /** C3D's first convolution is built for RGB. */
    static final int IN_CHANNELS = 3;

    private static final int[] KERNEL = {3, 3, 3};
    private static final int[] ONE = {1, 1, 1};
    private static final int[] NO_PADDING = {0, 0, 0};
    private static final int[] HALVE_SPACE = {1, 2, 2};
    private static final int[] HALVE_ALL = {2, 2, 2};

    /** A stage: convolutions of {@code widthFactor} x baseChannels, then a pool of kernel = stride {@code poolSize}. */
    private record Stage(int widthFactor, List<String> convolutions, String pool, int[] poolSize, int[] poolPadding) {
    }

    private static final List<Stage> STAGES = List.of(
            // pool1 keeps time, so that early layers do not lose the motion (as in the C3D paper).
            new Stage(1, List.of("conv1a"), "pool1", HALVE_SPACE, NO_PADDING),
            new Stage(2, List.of("conv2a"), "pool2", HALVE_ALL, NO_PADDING),
            new Stage(4, List.of("conv3a", "conv3b"), "pool3", HALVE_ALL, NO_PADDING),
            new Stage(8, List.of("conv4a", "conv4b"), "pool4", HALVE_ALL, NO_PADDING),
            // 7 x 7 at 112 input: the padding makes it 4 x 4 (and out_dim 8192).
            new Stage(8, List.of("conv5a", "conv5b"), "pool5", HALVE_ALL, new int[] {0, 1, 1}));

    private final C3dConfig config;

    C3dBackbone(C3dConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TensorShape shape = input.shape();
        if (shape.rank() != 5 || shape.dim(1) != IN_CHANNELS) {
            throw new GraphBuildException(graph.qualified("conv1a.conv") + ": C3D takes an N x 3 x T x H x W clip, got "
                    + shape);
        }
        Feature x = input;
        for (Stage stage : STAGES) {
            for (String name : stage.convolutions()) {
                Feature conv = graph.conv3d(name + ".conv", x, config.baseChannels() * stage.widthFactor(), KERNEL, ONE,
                        ONE, true);
                x = graph.relu(name + ".activate", conv);
            }
            // Zero padding (ND4J) instead of -inf (torch) changes nothing after the ReLU.
            x = graph.maxPool3d(stage.pool(), x, stage.poolSize(), stage.poolSize(), stage.poolPadding());
        }
        Feature flat = Flatten.apply(graph, "flatten", x);
        if (flat.shape().dim(1) != config.outDim()) {
            throw new GraphBuildException(graph.qualified("fc6") + ": outDim is " + config.outDim() + " but pool5's output "
                    + x.shape() + " flattens to " + flat.shape().dim(1) + " (outDim 8192 is C3D's for a 16 x 112 x 112 clip)");
        }
        // MMAction2's C3D applies its dropout after both fc6 and fc7 (the identity at inference).
        Feature fc6 = graph.relu("fc6.relu", graph.linear("fc6", flat, config.fcWidth(), config.initStd()));
        fc6 = graph.dropout("fc6.dropout", fc6, config.dropoutRatio());
        Feature fc7 = graph.relu("fc7.relu", graph.linear("fc7", fc6, config.fcWidth(), config.initStd()));
        return graph.dropout("fc7.dropout", fc7, config.dropoutRatio());
    }
}
