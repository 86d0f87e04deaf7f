package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * 2D layers on frames ({@code (N*T) x C x H x W}): the builder's convolution, and the max pool it lacks in
 * the same manner (PyTorch's names, output shapes checked while building). Square kernels, strides and
 * paddings, as every layer of a ResNet has.
 */
final class Layers2d {

    private final GraphBuilder graph;

    Layers2d(GraphBuilder graph) {
        this.graph = graph;
    }

    GraphBuilder graph() {
        return graph;
    }

    /**
     * torch's {@code Conv2d} without bias, the builder's ({@code name.weight} in ND4J's layout
     * {@code [kH, kW, inC, outC]}, He-normal (fan out) as MMAction2's ResNet initialises it), so its
     * batch norm folds into it in the inference form.
     */
    Feature conv2d(String name, Feature input, int outChannels, int kernel, int stride, int padding) {
        requireFrames(name, input);
        return graph.conv2d(name, input, outChannels, new int[] {kernel, kernel}, new int[] {stride, stride},
                new int[] {padding, padding}, false);
    }

    /** torch's {@code MaxPool2d} (padding never wins the maximum, floor rounding). */
    Feature maxPool2d(String name, Feature input, int kernel, int stride, int padding) {
        TensorShape in = requireFrames(name, input);
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(kernel).kW(kernel).sH(stride).sW(stride).pH(padding).pW(padding).dH(1).dW(1)
                .type(Pooling2D.Pooling2DType.MAX)
                .paddingMode(PaddingMode.VALID)
                .isNHWC(false)
                .build();
        SDVariable output = graph.sameDiff().cnn().maxPooling2d(name, input.variable(), config);
        return new Feature(output, outputShape(name, "pooling", in, in.dim(1), kernel, stride, padding));
    }

    private TensorShape requireFrames(String name, Feature input) {
        if (input.shape().rank() != 4) {
            throw new GraphBuildException(graph.qualified(name) + ": expects frames (N*T) x C x H x W, got "
                    + input.shape());
        }
        return input.shape();
    }

    private TensorShape outputShape(String name, String what, TensorShape in, long channels, int kernel, int stride,
                                    int padding) {
        long[] out = {in.dim(0), channels, 0, 0};
        for (int axis = 2; axis < 4; axis++) {
            out[axis] = graph.slidingOutput(name, what, in, axis, kernel, stride, padding);
        }
        return TensorShape.of(out);
    }
}
