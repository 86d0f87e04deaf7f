package io.action4j.plugins.resnet3d;

import java.util.Arrays;

/**
 * I3D's bootstrapping of 3D convolutions from 2D ones (Carreira and Zisserman, 2017), as
 * MMAction2's {@code ResNet3d._inflate_conv_params} does it: each 2D kernel is repeated across the
 * {@code kT} time taps and divided by {@code kT}. On a clip of identical frames the 3D convolution
 * (without time padding) then gives the 2D convolution's output on one frame, so an
 * ImageNet-trained network starts out as a working video network.
 *
 * <p>Both weights are in torch's layout: {@code [out, in, kH, kW]} in, {@code [out, in, kT, kH, kW]}
 * out (for ND4J's conv3d layout permute that by 2, 3, 4, 1, 0). Biases and batch norms are copied
 * unchanged.
 */
public final class Inflation {

    private Inflation() {
    }

    /**
     * @param weight2d a 2D convolution weight, torch layout, row-major
     * @param shape2d its shape {@code [out, in, kH, kW]}
     * @param kernelT the 3D kernel's size in time
     * @return the 3D weight, torch layout {@code [out, in, kT, kH, kW]}, row-major
     * @throws IllegalArgumentException when the shape is not 4 positive sizes matching the
     *     weight's length, or {@code kernelT} is not positive
     */
    public static float[] inflate(float[] weight2d, long[] shape2d, int kernelT) {
        if (shape2d.length != 4 || Arrays.stream(shape2d).anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException("a 2D weight shape is [out, in, kH, kW], got " + Arrays.toString(shape2d));
        }
        long elements = Arrays.stream(shape2d).reduce(1, Math::multiplyExact);
        if (elements != weight2d.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape2d) + " has " + elements
                    + " elements but the weight has " + weight2d.length);
        }
        if (kernelT <= 0) {
            throw new IllegalArgumentException("kernelT must be positive, got " + kernelT);
        }
        int kernelArea = Math.toIntExact(shape2d[2] * shape2d[3]);
        int kernels = Math.toIntExact(shape2d[0] * shape2d[1]);
        float[] weight3d = new float[Math.multiplyExact(weight2d.length, kernelT)];
        for (int kernel = 0; kernel < kernels; kernel++) {
            for (int t = 0; t < kernelT; t++) {
                int to = (kernel * kernelT + t) * kernelArea;
                for (int i = 0; i < kernelArea; i++) {
                    weight3d[to + i] = weight2d[kernel * kernelArea + i] / kernelT;
                }
            }
        }
        return weight3d;
    }

    /** {@code [out, in, kH, kW]} to {@code [out, in, kT, kH, kW]}. */
    public static long[] inflatedShape(long[] shape2d, int kernelT) {
        return new long[] {shape2d[0], shape2d[1], kernelT, shape2d[2], shape2d[3]};
    }
}
