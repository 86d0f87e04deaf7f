package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code Conv2D}, {@code DepthwiseConv2dNative} and {@code MaxPool} in either data format. TensorFlow's filter
 * layouts ({@code [kH, kW, in, out]}, depthwise {@code [kH, kW, in, multiplier]}) are SameDiff's own, so
 * weights are used as they are.
 */
final class ConvolutionOps {

    private ConvolutionOps() {
    }

    static void register(Map<String, OpMapper> mappers) {
        mappers.put("Conv2D", node -> convolution(node, false));
        mappers.put("DepthwiseConv2dNative", node -> convolution(node, true));
        mappers.put("MaxPool", ConvolutionOps::maxPool);
    }

    /** Where height, width and channels sit in a rank-4 tensor of one data format. */
    private record Layout(boolean channelsLast) {

        static Layout of(NodeContext node) {
            String format = node.attributes().string("data_format", "NHWC");
            return switch (format) {
                case "NHWC" -> new Layout(true);
                case "NCHW" -> new Layout(false);
                default -> throw node.attributes().invalid("data_format", "is " + format + "; supported: NHWC, NCHW");
            };
        }

        int height() {
            return channelsLast ? 1 : 2;
        }

        int width() {
            return channelsLast ? 2 : 3;
        }

        int channels() {
            return channelsLast ? 3 : 1;
        }

        String name() {
            return channelsLast ? "NHWC" : "NCHW";
        }
    }

    private static void convolution(NodeContext node, boolean depthwise) {
        node.expectInputs(2);
        Layout layout = Layout.of(node);
        GraphValue.Tensor input = node.tensor(0, 4);
        ConstantTensor filter = node.constant(1);
        if (filter.rank() != 4 || filter.isInteger()) {
            throw node.error("the filter must be a rank-4 float constant, is " + filter);
        }
        long[] strides = spatial(node, "strides", layout);
        long[] dilations = spatial(node, "dilations", layout);
        long[] in = input.shape();
        long[] kernel = filter.shape();
        long inChannels = in[layout.channels()];
        if (inChannels >= 0 && inChannels != kernel[2]) {
            throw node.error("the input has " + inChannels + " channels, the filter " + Arrays.toString(kernel)
                    + " expects " + kernel[2]);
        }
        Padding padding = Padding.of(node, layout, in, kernel, strides, dilations);
        padding.checkNotEmpty(node);
        SDVariable x = padding.applyBefore(node, input.variable(), layout);
        // ND4J's oneDNN builds refuse dilated convolutions ("could not create a descriptor for a dilated
        // convolution"): the filter is spread out with zeros instead, the same sums.
        ConstantTensor dilatedFilter = dilate(filter, dilations);
        long[] dilatedKernel = dilatedFilter.shape();
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(dilatedKernel[0]).kW(dilatedKernel[1])
                .sH(strides[0]).sW(strides[1])
                .dH(1).dW(1)
                .pH(padding.symmetricHeight()).pW(padding.symmetricWidth())
                .paddingMode(padding.same() ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat(layout.name())
                .build();
        SDVariable weights = dilatedFilter == filter ? node.variable(1)
                : node.graph().constant(node.name() + "/dilated_filter", dilatedFilter.toArray());
        SDVariable output = depthwise ? node.graph().cnn().depthWiseConv2d(node.name(), x, weights, config)
                : node.graph().cnn().conv2d(node.name(), x, weights, config);
        long outChannels = depthwise ? kernel[2] * kernel[3] : kernel[3];
        node.output(output, outputShape(in, layout, padding.outputHeight(), padding.outputWidth(), outChannels));
    }

    private static void maxPool(NodeContext node) {
        node.expectInputs(1);
        Layout layout = Layout.of(node);
        GraphValue.Tensor input = node.tensor(0, 4);
        long[] window = spatial(node, "ksize", layout);
        long[] strides = spatial(node, "strides", layout);
        long[] in = input.shape();
        long[] kernel = {window[0], window[1]};
        Padding padding = Padding.of(node, layout, in, new long[] {kernel[0], kernel[1], 1, 1}, strides,
                new long[] {1, 1});
        if (padding.explicit()) {
            throw node.attributes().invalid("padding", "EXPLICIT is not a MaxPool padding");
        }
        padding.checkNotEmpty(node);
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(kernel[0]).kW(kernel[1])
                .sH(strides[0]).sW(strides[1])
                .dH(1).dW(1)
                .paddingMode(padding.same() ? PaddingMode.SAME : PaddingMode.VALID)
                .type(Pooling2D.Pooling2DType.MAX)
                .isNHWC(layout.channelsLast())
                .build();
        SDVariable output = node.graph().cnn().maxPooling2d(node.name(), input.variable(), config);
        node.output(output, outputShape(in, layout, padding.outputHeight(), padding.outputWidth(),
                in[layout.channels()]));
    }

    /** {@code filter} ({@code [kH, kW, in, out]}) with {@code dilation - 1} zero rows and columns between taps. */
    static ConstantTensor dilate(ConstantTensor filter, long[] dilations) {
        if (dilations[0] == 1 && dilations[1] == 1) {
            return filter;
        }
        long[] shape = filter.shape();
        int height = (int) shape[0];
        int width = (int) shape[1];
        int depth = (int) (shape[2] * shape[3]);
        int dilatedHeight = (int) ((height - 1) * dilations[0] + 1);
        int dilatedWidth = (int) ((width - 1) * dilations[1] + 1);
        float[] dilated = new float[dilatedHeight * dilatedWidth * depth];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int to = (int) ((y * dilations[0] * dilatedWidth + x * dilations[1]) * depth);
                System.arraycopy(filter.floats(), (y * width + x) * depth, dilated, to, depth);
            }
        }
        return ConstantTensor.ofFloats(new long[] {dilatedHeight, dilatedWidth, shape[2], shape[3]}, dilated);
    }

    /** The (height, width) entries of a 4-value attribute; batch and channel entries must be 1. */
    private static long[] spatial(NodeContext node, String key, Layout layout) {
        long[] values = node.attributes().integers(key, 4, new long[] {1, 1, 1, 1});
        if (values[0] != 1 || values[layout.channels()] != 1) {
            throw node.attributes().invalid(key, "must be 1 for batch and channels, got " + Arrays.toString(values));
        }
        if (values[layout.height()] <= 0 || values[layout.width()] <= 0) {
            throw node.attributes().invalid(key, "must be positive, got " + Arrays.toString(values));
        }
        return new long[] {values[layout.height()], values[layout.width()]};
    }

    private static long[] outputShape(long[] in, Layout layout, long height, long width, long channels) {
        long[] out = new long[4];
        out[0] = in[0];
        out[layout.height()] = height;
        out[layout.width()] = width;
        out[layout.channels()] = channels;
        return out;
    }

    /**
     * TensorFlow's {@code padding}: {@code VALID}, {@code SAME} (SameDiff's SAME pads as TensorFlow does, the
     * odd pixel at the bottom and right) or {@code EXPLICIT} (given per side; unequal sides become a pad op).
     */
    private record Padding(boolean same, boolean explicit, long top, long bottom, long left, long right,
                           long outputHeight, long outputWidth) {

        static Padding of(NodeContext node, Layout layout, long[] in, long[] kernel, long[] strides,
                          long[] dilations) {
            String mode = node.attributes().string("padding", null);
            if (mode == null) {
                throw node.attributes().invalid("padding", "is missing");
            }
            long height = in[layout.height()];
            long width = in[layout.width()];
            long kernelHeight = (kernel[0] - 1) * dilations[0] + 1;
            long kernelWidth = (kernel[1] - 1) * dilations[1] + 1;
            return switch (mode) {
                case "VALID" -> new Padding(false, false, 0, 0, 0, 0,
                        valid(height, kernelHeight, strides[0]), valid(width, kernelWidth, strides[1]));
                case "SAME" -> new Padding(true, false, 0, 0, 0, 0,
                        same(height, strides[0]), same(width, strides[1]));
                case "EXPLICIT" -> {
                    long[] sides = node.attributes().integers("explicit_paddings", 8, null);
                    long top = sides[2 * layout.height()];
                    long bottom = sides[2 * layout.height() + 1];
                    long left = sides[2 * layout.width()];
                    long right = sides[2 * layout.width() + 1];
                    if (Arrays.stream(sides).anyMatch(side -> side < 0)) {
                        throw node.attributes().invalid("explicit_paddings", "must not be negative");
                    }
                    yield new Padding(false, true, top, bottom, left, right,
                            valid(plus(height, top + bottom), kernelHeight, strides[0]),
                            valid(plus(width, left + right), kernelWidth, strides[1]));
                }
                default -> throw node.attributes().invalid("padding", "is " + mode
                        + "; supported: VALID, SAME, EXPLICIT");
            };
        }

        private static long plus(long size, long padding) {
            return size < 0 ? -1 : size + padding;
        }

        private static long valid(long size, long kernel, long stride) {
            if (size < 0) {
                return -1;
            }
            return size < kernel ? 0 : (size - kernel) / stride + 1;
        }

        private static long same(long size, long stride) {
            return size < 0 ? -1 : (size + stride - 1) / stride;
        }

        /** A window larger than the (padded) input leaves nothing: refused before ND4J sees it. */
        void checkNotEmpty(NodeContext node) {
            if (outputHeight == 0 || outputWidth == 0) {
                throw node.error("the window does not fit the input: output would be " + outputHeight + "x"
                        + outputWidth);
            }
        }

        private boolean symmetric() {
            return top == bottom && left == right;
        }

        long symmetricHeight() {
            return explicit && symmetric() ? top : 0;
        }

        long symmetricWidth() {
            return explicit && symmetric() ? left : 0;
        }

        /** Unequal explicit padding as a zero pad op before the convolution. */
        SDVariable applyBefore(NodeContext node, SDVariable input, Layout layout) {
            if (!explicit || symmetric()) {
                return input;
            }
            int[][] sides = new int[4][2];
            sides[layout.height()] = new int[] {(int) top, (int) bottom};
            sides[layout.width()] = new int[] {(int) left, (int) right};
            SDVariable paddings = node.graph().constant(node.name() + "/explicit_paddings",
                    Nd4j.createFromArray(sides));
            return node.graph().nn().pad(node.name() + "/padded", input, paddings, PadMode.CONSTANT, 0.0);
        }
    }
}
