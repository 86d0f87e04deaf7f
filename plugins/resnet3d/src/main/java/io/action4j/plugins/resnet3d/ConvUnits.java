package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * The convolution-plus-batch-norm units a 3D ResNet is built of, named as MMAction2 names them:
 * a plain unit is {@code name.conv} and {@code name.bn}; a (2+1)D unit is {@code name.conv_s}
 * (spatial), {@code name.bn_s} (the mid batch norm), {@code name.conv_t} (temporal) and
 * {@code name.bn} (the unit's output batch norm). Convolutions have no bias.
 */
final class ConvUnits {

    private final GraphBuilder graph;
    private final double bnEpsilon;

    ConvUnits(GraphBuilder graph, double bnEpsilon) {
        this.graph = graph;
        this.bnEpsilon = bnEpsilon;
    }

    GraphBuilder graph() {
        return graph;
    }

    /** torchvision's (2+1)D mid width: the (1,3,3) + (3,1,1) pair then has about the 3x3x3 conv's parameters. */
    static int midChannels(long inChannels, long outChannels) {
        return Math.toIntExact(inChannels * outChannels * 27 / (inChannels * 9 + 3 * outChannels));
    }

    /** MMAction2's ConvModule: convolution, batch norm, optional ReLU. */
    Feature conv(String name, Feature x, int channels, int[] kernel, int[] stride, int[] padding, boolean relu) {
        Feature conv = graph.conv3d(name + ".conv", x, channels, kernel, stride, padding, false);
        return normalise(name, "", conv, relu);
    }

    /**
     * A kernel (kT, kH, kW) with stride (sT, sH, sW) split into (1, kH, kW) with stride
     * (1, sH, sW) to {@code midChannels}, batch norm and ReLU, then (kT, 1, 1) with stride
     * (sT, 1, 1); padding is half of each kernel, as in torchvision's Conv2Plus1D and R2Plus1dStem.
     */
    Feature factorised(String name, Feature x, int midChannels, int channels, int[] kernel, int[] stride,
                       boolean relu) {
        Feature spatial = graph.conv3d(name + ".conv_s", x, midChannels, new int[] {1, kernel[1], kernel[2]},
                new int[] {1, stride[1], stride[2]}, new int[] {0, kernel[1] / 2, kernel[2] / 2}, false);
        Feature mid = normalise(name, "_s", spatial, true);
        Feature temporal = graph.conv3d(name + ".conv_t", mid, channels, new int[] {kernel[0], 1, 1},
                new int[] {stride[0], 1, 1}, new int[] {kernel[0] / 2, 0, 0}, false);
        return normalise(name, "", temporal, relu);
    }

    private Feature normalise(String name, String suffix, Feature x, boolean relu) {
        Feature norm = graph.batchNorm(name + ".bn" + suffix, x, bnEpsilon);
        return relu ? graph.relu(name + ".relu" + suffix, norm) : norm;
    }
}
