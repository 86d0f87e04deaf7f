package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * The convolution-plus-batch-norm units a 3D ResNet is built of, named as MMAction2 names them:
 * a plain unit is {@code name.conv} and {@code name.bn}; a (2+1)D unit is {@code name.conv_s}
 * (spatial), {@code name.bn_s} (the mid batch norm), {@code name.conv_t} (temporal) and
 * {@code name.bn} (the unit's output batch norm), or, as MMAction2's Conv2plus1d inside a
 * ConvModule, {@code name.conv.conv_s}, {@code name.conv.bn_s}, {@code name.conv.conv_t} and
 * {@code name.bn}. Convolutions have no bias.
 */
final class ConvUnits {

    /**
     * The epsilon of a Conv2plus1d's {@code bn_s}: its own default norm_cfg (BN3d, 1e-5), whatever the backbone's,
     * because mmcv's build_conv_layer hands the conv layer only {@code conv_cfg}; the backbone's norm_cfg (eps
     * 1e-3 in MMAction2's R(2+1)D configs) reaches the ConvModule's {@code bn} alone.
     */
    static final double CONV2PLUS1D_MID_EPSILON = 1e-5;

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

    /**
     * MMAction2's Conv2plus1d mid width, {@code int(3 * in * out * kH * kW / (in * kH * kW + 3 * out))}
     * with Python's true division (float64), for a convolution of kernel {@code (kT, kH, kW)}.
     */
    static int mmaction2MidChannels(long inChannels, long outChannels, int[] kernel) {
        double numerator = 3.0 * inChannels * outChannels * kernel[1] * kernel[2];
        return (int) (numerator / (inChannels * kernel[1] * kernel[2] + 3.0 * outChannels));
    }

    /**
     * MMAction2's ConvModule around a Conv2plus1d: {@link #factorised} under MMAction2's names
     * ({@code name.conv.conv_s}, {@code name.conv.bn_s}, {@code name.conv.conv_t}, {@code name.bn}),
     * its mid width from its own widths and kernel.
     */
    Feature conv2plus1d(String name, Feature x, int channels, int[] kernel, int[] stride, boolean relu) {
        int mid = mmaction2MidChannels(x.shape().dim(1), channels, kernel);
        return factorised(name, name + ".conv", x, mid, channels, kernel, stride, relu, CONV2PLUS1D_MID_EPSILON);
    }

    /** MMAction2's ConvModule: convolution, batch norm, optional ReLU. */
    Feature conv(String name, Feature x, int channels, int[] kernel, int[] stride, int[] padding, boolean relu) {
        Feature conv = graph.conv3d(name + ".conv", x, channels, kernel, stride, padding, false);
        return normalise(name, conv, relu);
    }

    /**
     * A kernel (kT, kH, kW) with stride (sT, sH, sW) split into (1, kH, kW) with stride
     * (1, sH, sW) to {@code midChannels}, batch norm and ReLU, then (kT, 1, 1) with stride
     * (sT, 1, 1); padding is half of each kernel, as in torchvision's Conv2Plus1D and R2Plus1dStem.
     */
    Feature factorised(String name, Feature x, int midChannels, int channels, int[] kernel, int[] stride,
                       boolean relu) {
        return factorised(name, name, x, midChannels, channels, kernel, stride, relu, bnEpsilon);
    }

    /** {@link #factorised} with the spatial conv, mid batch norm and temporal conv under {@code inner}. */
    private Feature factorised(String name, String inner, Feature x, int midChannels, int channels, int[] kernel,
                               int[] stride, boolean relu, double midEpsilon) {
        Feature spatial = graph.conv3d(inner + ".conv_s", x, midChannels, new int[] {1, kernel[1], kernel[2]},
                new int[] {1, stride[1], stride[2]}, new int[] {0, kernel[1] / 2, kernel[2] / 2}, false);
        Feature norm = graph.batchNorm(inner + ".bn_s", spatial, midEpsilon);
        Feature mid = graph.relu(inner + ".relu_s", norm);
        Feature temporal = graph.conv3d(inner + ".conv_t", mid, channels, new int[] {kernel[0], 1, 1},
                new int[] {stride[0], 1, 1}, new int[] {kernel[0] / 2, 0, 0}, false);
        return normalise(name, temporal, relu);
    }

    private Feature normalise(String name, Feature x, boolean relu) {
        Feature norm = graph.batchNorm(name + ".bn", x, bnEpsilon);
        return relu ? graph.relu(name + ".relu", norm) : norm;
    }
}
