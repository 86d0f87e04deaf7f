package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.GraphBuilders;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The workaround for SameDiff's missing grouped conv3d, checked directly: the depthwise helper
 * gives what a dense conv3d gives when its weight is zero off the channel diagonal (the dense
 * weight {@code [kT, kH, kW, in, out]} holds the depthwise kernel of channel {@code c} at
 * {@code in = out = c}).
 */
class DepthwiseConv3dTest {

    @ParameterizedTest(name = "kernel {0}x{1}x{2}, stride {3}x{4}x{5}, padding {6}x{7}x{8}, input 2x{9}x{10}x{11}x{12}")
    @CsvSource({
            // CSN's 3x3x3 with padding 1, stride 1 and stride 2 in all axes, odd sizes
            "3,3,3, 1,1,1, 1,1,1, 5, 7, 9, 8",
            "3,3,3, 2,2,2, 1,1,1, 6, 7, 9, 7",
            // time stride only, space stride only
            "3,3,3, 2,1,1, 1,1,1, 4, 5, 6, 6",
            "3,3,3, 1,2,2, 1,1,1, 3, 4, 7, 5",
            // no time padding, an asymmetric kernel, a one-tap kernel
            "3,1,3, 1,1,2, 0,0,1, 4, 6, 5, 6",
            "1,3,3, 1,1,1, 0,1,1, 3, 3, 5, 5",
            "5,3,3, 2,1,1, 2,1,1, 2, 7, 4, 4",
    })
    void equalsADenseConv3dWithADiagonalWeight(int kt, int kh, int kw, int st, int sh, int sw, int pt, int ph, int pw,
                                               int channels, int t, int h, int w) {
        int[] kernel = {kt, kh, kw};
        int[] stride = {st, sh, sw};
        int[] padding = {pt, ph, pw};
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = GraphBuilders.create(sd, 3);
        TensorShape inShape = TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w);
        Feature input = new Feature(sd.placeHolder("input", DataType.FLOAT, inShape.dims()), inShape);
        Feature depthwise = DepthwiseConv3d.build(graph, "dw", input, kernel, stride, padding);
        Feature dense = graph.conv3d("dense", input, channels, kernel, stride, padding, false);

        INDArray dwWeight = sd.getVariable("dw.weight").getArr();
        assertThat(dwWeight.shape()).containsExactly(kt, kh, kw, 1, channels);
        INDArray denseWeight = Nd4j.zeros(DataType.FLOAT, kt, kh, kw, channels, channels);
        for (int c = 0; c < channels; c++) {
            denseWeight.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c),
                    NDArrayIndex.point(c)).assign(dwWeight.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(c)));
        }
        sd.getVariable("dense.weight").setArray(denseWeight);

        INDArray x = Nd4j.randn(7, new long[] {2, channels, t, h, w}).castTo(DataType.FLOAT);
        Map<String, INDArray> out = sd.output(Map.of("input", x), depthwise.variable().name(), dense.variable().name());
        INDArray ours = out.get(depthwise.variable().name());
        INDArray reference = out.get(dense.variable().name());

        assertThat(depthwise.shape().dims()).containsExactly(dense.shape().dims());
        assertThat(ours.shape()).containsExactly(reference.shape());
        assertThat(ours.shape()).containsExactly(2, channels, dense.shape().dim(2), dense.shape().dim(3),
                dense.shape().dim(4));
        double diff = ours.sub(reference).amaxNumber().doubleValue();
        assertThat(diff).as("max |depthwise - dense|").isLessThan(1e-5);
        assertThat(reference.stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    @Test
    void eachChannelSeesOnlyItself() {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = GraphBuilders.create(sd, 0);
        TensorShape inShape = TensorShape.of(1, 3, 3, 3, 3);
        Feature input = new Feature(sd.placeHolder("input", DataType.FLOAT, inShape.dims()), inShape);
        Feature out = DepthwiseConv3d.build(graph, "dw", input, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                new int[] {1, 1, 1});
        sd.getVariable("dw.weight").setArray(Nd4j.ones(DataType.FLOAT, 3, 3, 3, 1, 3));
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, 3, 3, 3, 3);
        x.putScalar(new long[] {0, 1, 1, 1, 1}, 1f);

        INDArray y = sd.output(Map.of("input", x), out.variable().name()).get(out.variable().name());

        // The impulse in channel 1 spreads over its whole 3x3x3 neighbourhood and nowhere else.
        assertThat(y.get(NDArrayIndex.point(0), NDArrayIndex.point(1)).sumNumber().doubleValue()).isEqualTo(27.0);
        assertThat(y.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).amaxNumber().doubleValue()).isZero();
        assertThat(y.get(NDArrayIndex.point(0), NDArrayIndex.point(2)).amaxNumber().doubleValue()).isZero();
    }

    @Test
    void unknownSizesAndTooSmallInputsFailNamingTheLayer() {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = GraphBuilders.create(sd, 0);
        TensorShape unknownTime = TensorShape.of(1, 4, TensorShape.UNKNOWN, 8, 8);
        Feature a = new Feature(sd.placeHolder("a", DataType.FLOAT, unknownTime.dims()), unknownTime);
        assertThatThrownBy(() -> DepthwiseConv3d.build(graph, "layer1.0.conv2.0.conv", a, new int[] {3, 3, 3},
                new int[] {1, 1, 1}, new int[] {1, 1, 1}))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageStartingWith("layer1.0.conv2.0.conv: ");

        TensorShape tiny = TensorShape.of(1, 4, 1, 8, 8);
        Feature b = new Feature(sd.placeHolder("b", DataType.FLOAT, tiny.dims()), tiny);
        assertThatThrownBy(() -> DepthwiseConv3d.build(graph, "layer4.0.conv2.0.conv", b, new int[] {3, 3, 3},
                new int[] {1, 1, 1}, new int[] {0, 1, 1}))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("layer4.0.conv2.0.conv")
                .hasMessageContaining("time");
    }
}
