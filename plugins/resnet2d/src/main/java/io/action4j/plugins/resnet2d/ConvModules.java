package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/**
 * MMAction2's {@code ConvModule}: a bias-free 2D convolution {@code name.conv}, batch norm
 * {@code name.bn} and an optional ReLU. With a temporal shift in front (TSM) the convolution is
 * {@code name.conv.net}, because MMAction2 wraps the convolution in a {@code TemporalShift} module
 * whose {@code net} it becomes: the names then match ResNetTSM's state dict.
 */
final class ConvModules {

    private final Layers2d layers;
    private final double bnEpsilon;

    ConvModules(Layers2d layers, double bnEpsilon) {
        this.layers = layers;
        this.bnEpsilon = bnEpsilon;
    }

    GraphBuilder graph() {
        return layers.graph();
    }

    Layers2d layers() {
        return layers;
    }

    Feature conv(String name, Feature x, int channels, int kernel, int stride, boolean relu) {
        return normalise(name, layers.conv2d(name + ".conv", x, channels, kernel, stride, kernel / 2), relu);
    }

    /** {@link #conv} after {@code shift}, named as inside MMAction2's TemporalShift wrapper. */
    Feature shiftedConv(String name, TemporalShift shift, Feature x, int channels, int kernel, int stride,
                        boolean relu) {
        Feature shifted = shift.apply(name + ".conv.shift", x);
        return normalise(name, layers.conv2d(name + ".conv.net", shifted, channels, kernel, stride, kernel / 2), relu);
    }

    private Feature normalise(String name, Feature conv, boolean relu) {
        Feature norm = graph().batchNorm(name + ".bn", conv, bnEpsilon);
        return relu ? graph().relu(name + ".relu", norm) : norm;
    }
}
