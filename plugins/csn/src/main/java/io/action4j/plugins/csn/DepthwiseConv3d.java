package io.action4j.plugins.csn;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * A depthwise 3D convolution (torch's {@code Conv3d} with {@code groups = in = out channels}, no
 * bias), which SameDiff M2.1's conv3d cannot do (it has no groups). It is built from 2D depthwise
 * convolutions: the input is zero-padded in time, and for each time tap {@code k} the frames
 * {@code k, k + sT, k + 2 sT, ...} are taken as one batch of {@code N * T'} images, convolved with
 * that tap's {@code kH x kW} kernels by {@code depthWiseConv2d}, and the taps are summed.
 *
 * <p>The weight {@code name.weight} has shape {@code [kT, kH, kW, 1, C]}: torch's
 * {@code [C, 1, kT, kH, kW]} permuted 2, 3, 4, 1, 0, the same rule as for a dense conv3d weight
 * in ND4J's layout ({@code [kT, kH, kW, in, out]}), so a checkpoint loader needs no special case.
 */
final class DepthwiseConv3d {

    /** strided-slice masks: take the whole of axes 0 (batch), 2, 3 and 4, slice axis 1 (time). */
    private static final int ALL_BUT_TIME = 1 | 4 | 8 | 16;

    private DepthwiseConv3d() {
    }

    /**
     * Adds the convolution with a new weight {@code name.weight}, He-normal (fan out) initialised as
     * torch's kaiming init does for a grouped weight ({@code C * kT * kH * kW}).
     *
     * @param input NCTHW with known channels, time, height and width
     */
    static Feature build(GraphBuilder graph, String name, Feature input, int[] kernel, int[] stride, int[] padding) {
        long channels = checkedInput(graph, name, input).dim(1);
        long fanOut = channels * kernel[0] * kernel[1] * kernel[2];
        SDVariable weight = graph.parameter(name + ".weight", GraphBuilder.normal(Math.sqrt(2.0 / fanOut)),
                kernel[0], kernel[1], kernel[2], 1, channels);
        return apply(graph, name, input, weight, kernel, stride, padding);
    }

    /** The convolution with an existing weight of shape {@code [kT, kH, kW, 1, C]}; output named {@code name}. */
    static Feature apply(GraphBuilder graph, String name, Feature input, SDVariable weight, int[] kernel, int[] stride,
                         int[] padding) {
        TensorShape in = checkedInput(graph, name, input);
        long c = in.dim(1);
        long t = in.dim(2);
        long h = in.dim(3);
        long w = in.dim(4);
        long[] out = new long[3];
        for (int axis = 0; axis < 3; axis++) {
            out[axis] = graph.slidingOutput(name, "depthwise", in, axis + 2, kernel[axis], stride[axis], padding[axis]);
        }
        SameDiff sd = graph.sameDiff();
        // N, C, T, H, W -> N, T, C, H, W: the frames become the leading axes, so N * T' images reshape cheaply.
        SDVariable frames = sd.permute(name + ".ntchw", input.variable(), 0, 2, 1, 3, 4);
        if (padding[0] > 0) {
            // Zeros of one frame's shape made from the input itself: no constant, and the batch may be unknown.
            SDVariable first = sd.stridedSlice(name + ".frame0", frames, new long[] {0, 0, 0, 0, 0},
                    new long[] {0, 1, 0, 0, 0}, new long[] {1, 1, 1, 1, 1}, ALL_BUT_TIME, ALL_BUT_TIME, 0, 0, 0);
            SDVariable zero = sd.zerosLike(name + ".zero_frame", first);
            SDVariable[] parts = new SDVariable[2 * padding[0] + 1];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = zero;
            }
            parts[padding[0]] = frames;
            frames = sd.concat(name + ".time_padded", 1, parts);
        }
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(kernel[1]).kW(kernel[2])
                .sH(stride[1]).sW(stride[2])
                .pH(padding[1]).pW(padding[2])
                .dH(1).dW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat("NCHW")
                .build();
        long span = (long) stride[0] * (out[0] - 1) + 1;
        SDVariable sum = null;
        for (int k = 0; k < kernel[0]; k++) {
            String tap = name + ".tap" + k;
            SDVariable taken = sd.stridedSlice(tap + ".frames", frames, new long[] {0, k, 0, 0, 0},
                    new long[] {0, k + span, 0, 0, 0}, new long[] {1, stride[0], 1, 1, 1},
                    ALL_BUT_TIME, ALL_BUT_TIME, 0, 0, 0);
            SDVariable images = sd.reshape(tap + ".images", taken, -1, c, h, w);
            // [1, kH, kW, 1, C] and [kH, kW, C, 1] (depthWiseConv2d's layout, multiplier 1) share one memory order.
            SDVariable kernelK = sd.stridedSlice(tap + ".kernel_slice", weight, new long[] {k, 0, 0, 0, 0},
                    new long[] {k + 1, kernel[1], kernel[2], 1, c}, new long[] {1, 1, 1, 1, 1}, 0, 0, 0, 0, 0);
            SDVariable kernel2d = sd.reshape(tap + ".kernel", kernelK, kernel[1], kernel[2], c, 1);
            SDVariable convolved = sd.cnn().depthWiseConv2d(tap, images, kernel2d, config);
            sum = sum == null ? convolved : sd.math().add(tap + ".sum", sum, convolved);
        }
        SDVariable split = sd.reshape(name + ".ntchw_out", sum, -1, out[0], c, out[1], out[2]);
        SDVariable output = sd.permute(name, split, 0, 2, 1, 3, 4);
        return new Feature(output, TensorShape.of(in.dim(0), c, out[0], out[1], out[2]));
    }

    private static TensorShape checkedInput(GraphBuilder graph, String name, Feature input) {
        TensorShape in = input.shape();
        if (in.rank() != 5) {
            throw new GraphBuildException(graph.qualified(name) + ": expects a rank-5 input, got " + in);
        }
        for (int axis = 1; axis < 5; axis++) {
            if (in.dim(axis) == TensorShape.UNKNOWN) {
                throw new GraphBuildException(graph.qualified(name)
                        + ": a depthwise 3D convolution needs known channels, time, height and width, got " + in);
            }
        }
        return in;
    }
}
