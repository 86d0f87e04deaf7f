package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * torchvision's S3D building units at the configured width, named by torchvision's module paths so
 * that every graph parameter is a torchvision state-dict key behind the {@code backbone/} scope:
 * {@code Conv3dNormActivation} at {@code name} is conv {@code name.0}, batch norm {@code name.1},
 * ReLU {@code name.2}; {@code TemporalSeparableConv} at {@code name} is two of them,
 * {@code name.0} (spatial) and {@code name.1} (temporal).
 *
 * <p>A unit whose output goes straight into a max pool or a channel concatenation leaves its ReLU
 * owed ({@link Preactivation}): the ReLU then runs once, after the pool on a quarter or an eighth of
 * the values, or after the concatenation instead of once per branch. Exact, as ReLU commutes with
 * both: {@code max(relu(a), relu(b)) = relu(max(a, b))}.
 */
final class S3dUnits {

    /** S3D's norm_layer: BatchNorm3d(eps=0.001). */
    static final double BN_EPSILON = 1e-3;

    private static final int[] ONE = {1, 1, 1};
    private static final int[] NO_PADDING = {0, 0, 0};

    private final GraphBuilder graph;
    private final S3dConfig config;

    S3dUnits(GraphBuilder graph, S3dConfig config) {
        this.graph = graph;
        this.config = config;
    }

    GraphBuilder graph() {
        return graph;
    }

    /** Conv3dNormActivation(kernel_size=1): a 1x1x1 convolution to {@code torchvisionWidth}, scaled. */
    Preactivation pointwise(String name, Feature x, int torchvisionWidth) {
        return convNorm(name, x, torchvisionWidth, ONE, ONE, NO_PADDING);
    }

    /**
     * TemporalSeparableConv: (1, k, k) with stride (1, s, s) and padding (0, p, p), then (k, 1, 1)
     * with stride (s, 1, 1) and padding (p, 0, 0), each with batch norm and ReLU, both to the
     * output width.
     */
    Preactivation temporalSeparable(String name, Feature x, int torchvisionWidth, int kernel, int stride,
                                    int padding) {
        Feature spatial = convNorm(name + ".0", x, torchvisionWidth, new int[] {1, kernel, kernel},
                new int[] {1, stride, stride}, new int[] {0, padding, padding}).activated(graph);
        return convNorm(name + ".1", spatial, torchvisionWidth, new int[] {kernel, 1, 1},
                new int[] {stride, 1, 1}, new int[] {padding, 0, 0});
    }

    /** MaxPool3d of the values before the input's owed ReLU, which stays owed. */
    Preactivation maxPool(String name, Preactivation x, int[] kernel, int[] stride, int[] padding) {
        return new Preactivation(graph.maxPool3d(name, x.feature(), kernel, stride, padding), x.reluName());
    }

    /**
     * Channel concatenation ({@code name.concat}) of the branches' values before their ReLUs, with one
     * ReLU owed for all, named {@code name} as the block's output was.
     */
    Preactivation concatChannels(String name, Preactivation... branches) {
        Feature[] features = new Feature[branches.length];
        for (int i = 0; i < branches.length; i++) {
            if (branches[i].reluName() == null) {
                throw new IllegalStateException(name + ": branch " + i + " is activated already");
            }
            features[i] = branches[i].feature();
        }
        return new Preactivation(graph.concatChannels(name + ".concat", features), name);
    }

    private Preactivation convNorm(String name, Feature x, int torchvisionWidth, int[] kernel, int[] stride,
                                   int[] padding) {
        Feature conv = graph.conv3d(name + ".0", x, config.width(torchvisionWidth), kernel, stride, padding, false);
        return new Preactivation(graph.batchNorm(name + ".1", conv, BN_EPSILON), name + ".2");
    }

    /**
     * A feature and the name of the ReLU it still owes, or a feature with nothing owed
     * ({@code reluName} null).
     */
    record Preactivation(Feature feature, String reluName) {

        static Preactivation activated(Feature feature) {
            return new Preactivation(feature, null);
        }

        /** The feature after its owed ReLU, which is added here. */
        Feature activated(GraphBuilder graph) {
            return reluName == null ? feature : graph.relu(reluName, feature);
        }
    }
}
