package io.action4j.plugins.tfjs.graph;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code ResizeBilinear} on NHWC tensors. Both TensorFlow flags are passed on: {@code align_corners} and
 * {@code half_pixel_centers} (source {@code (dst + 0.5) * in / out - 0.5}); with neither, source
 * {@code dst * in / out} (TensorFlow 1's legacy mapping, still tfjs's default).
 */
final class ImageOps {

    private ImageOps() {
    }

    static void register(Map<String, OpMapper> mappers) {
        mappers.put("ResizeBilinear", ImageOps::resizeBilinear);
    }

    private static void resizeBilinear(NodeContext node) {
        node.expectInputs(2);
        GraphValue.Tensor input = node.tensor(0, 4);
        long[] size = node.integers(1);
        if (size.length != 2 || size[0] <= 0 || size[1] <= 0) {
            throw node.error("size must be two positive integers, got " + Arrays.toString(size));
        }
        boolean alignCorners = node.attributes().bool("align_corners", false);
        boolean halfPixelCenters = node.attributes().bool("half_pixel_centers", false);
        if (alignCorners && halfPixelCenters) {
            throw node.error("align_corners and half_pixel_centers cannot both be set");
        }
        long[] in = input.shape();
        node.output(node.graph().image().resizeBiLinear(node.name(), input.variable(), (int) size[0], (int) size[1],
                alignCorners, halfPixelCenters), new long[] {in[0], size[0], size[1], in[3]});
    }
}
