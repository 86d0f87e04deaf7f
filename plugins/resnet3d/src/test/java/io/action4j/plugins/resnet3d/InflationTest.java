package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class InflationTest {

    @Test
    void eachKernelIsRepeatedOverTimeAndDividedByItsLength() {
        // [out 1, in 2, kH 1, kW 2]
        float[] weight2d = {1, 2, 3, 4};

        float[] weight3d = Inflation.inflate(weight2d, new long[] {1, 2, 1, 2}, 2);

        assertThat(Inflation.inflatedShape(new long[] {1, 2, 1, 2}, 2)).containsExactly(1, 2, 2, 1, 2);
        assertThat(weight3d).containsExactly(0.5f, 1, 0.5f, 1, 1.5f, 2, 1.5f, 2);
    }

    /** The point of I3D's bootstrapping: a "boring" video of one repeated frame gives the 2D output. */
    @Test
    void clipOfIdenticalFramesGivesTheTwoDimensionalOutputOfOneFrame() {
        long[] shape2d = {4, 3, 3, 3};
        int kernelT = 3;
        int frames = 5;
        Random random = new Random(11);
        float[] weight2d = new float[4 * 3 * 3 * 3];
        for (int i = 0; i < weight2d.length; i++) {
            weight2d[i] = (float) random.nextGaussian();
        }
        INDArray frame = Nd4j.rand(DataType.FLOAT, 1, 3, 9, 7);
        INDArray clip = Nd4j.stack(2, Collections.nCopies(frames, frame).toArray(INDArray[]::new));
        assertThat(clip.shape()).containsExactly(1, 3, frames, 9, 7);

        INDArray expected = conv2d(frame, Nd4j.create(weight2d, shape2d, 'c'));
        INDArray actual = conv3d(clip, Nd4j.create(Inflation.inflate(weight2d, shape2d, kernelT),
                Inflation.inflatedShape(shape2d, kernelT), 'c'));

        // No time padding: every output frame sees kT identical input frames.
        assertThat(actual.shape()).containsExactly(1, 4, frames - kernelT + 1, 9, 7);
        for (int t = 0; t < frames - kernelT + 1; t++) {
            INDArray slice = actual.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t),
                    NDArrayIndex.all(), NDArrayIndex.all());
            assertThat(slice.sub(expected).amaxNumber().doubleValue()).as("frame %d", t).isLessThan(1e-5);
        }
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    /** torch layout [out, in, kH, kW], stride 1, padding 1. */
    private static INDArray conv2d(INDArray input, INDArray torchWeight) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", input);
        SDVariable w = sd.constant("w", torchWeight.permute(2, 3, 1, 0).dup('c'));
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
                .dataFormat(Conv2DConfig.NCHW).build();
        sd.cnn().conv2d("out", x, w, config);
        return sd.output(Map.of(), "out").get("out");
    }

    /** torch layout [out, in, kT, kH, kW], stride 1, padding (0, 1, 1). */
    private static INDArray conv3d(INDArray input, INDArray torchWeight) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", input);
        SDVariable w = sd.constant("w", torchWeight.permute(2, 3, 4, 1, 0).dup('c'));
        Conv3DConfig config = Conv3DConfig.builder().kD(3).kH(3).kW(3).sD(1).sH(1).sW(1).pD(0).pH(1).pW(1)
                .dataFormat(Conv3DConfig.NCDHW).build();
        sd.cnn().conv3d("out", x, w, config);
        return sd.output(Map.of(), "out").get("out");
    }

    @Test
    void shapeThatDoesNotFitTheWeightIsRejected() {
        assertThatThrownBy(() -> Inflation.inflate(new float[5], new long[] {1, 1, 2, 2}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 elements");
        assertThatThrownBy(() -> Inflation.inflate(new float[4], new long[] {1, 4}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[out, in, kH, kW]");
        assertThatThrownBy(() -> Inflation.inflate(new float[4], new long[] {1, 1, 2, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernelT");
    }
}
