package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.SameDiffGraphBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** TSN's cross-modality initialisation: an RGB first layer given to a model on 2L = 20 flow channels. */
class CrossModalityTest {

    private static final int OUT = 4;
    private static final int K = 3;

    /** A graph whose only parameter is backbone/conv1.conv.weight, a conv2d on {@code channels} channels. */
    private static SameDiff flowStem(int channels) {
        SameDiff graph = SameDiff.create();
        SameDiffGraphBuilder builder = new SameDiffGraphBuilder(graph, 1);
        TensorShape shape = TensorShape.of(-1, channels, 8, 8);
        Feature input = new Feature(graph.placeHolder("input", DataType.FLOAT, shape.dims()), shape);
        try (NameScope ignored = builder.scope("backbone")) {
            builder.conv2d("conv1.conv", input, OUT, new int[] {K, K}, new int[] {1, 1}, new int[] {1, 1}, false);
        }
        return graph;
    }

    /** An RGB conv weight in torch's layout [out, 3, k, k], value {@code o * 100 + c * 10 + y * 3 + x}. */
    private static TensorData rgbWeight() {
        float[] values = new float[OUT * 3 * K * K];
        for (int o = 0; o < OUT; o++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < K * K; p++) {
                    values[(o * 3 + c) * K * K + p] = o * 100 + c * 10 + p;
                }
            }
        }
        return new TensorData("backbone.conv1.conv.weight", new long[] {OUT, 3, K, K}, values);
    }

    @Test
    void rgbWeightsAreAveragedOverChannelsAndRepeatedForEachFlowChannel() {
        SameDiff graph = flowStem(20);
        TensorData rgb = rgbWeight();

        LoadReport report = new CheckpointLoader(KeyMappings.MMACTION2, true)
                .loadStrict(graph, Map.of(rgb.name(), rgb), "rgb.pth");

        assertThat(report.loaded()).containsExactly("backbone/conv1.conv.weight");
        INDArray weight = graph.getVariable("backbone/conv1.conv.weight").getArr(); // [k, k, 20, out]
        assertThat(weight.shape()).containsExactly(K, K, 20, OUT);
        for (int c = 0; c < 20; c++) {
            // The mean over the RGB channels of o * 100 + c' * 10 + p is o * 100 + 10 + p.
            assertThat(weight.getFloat(1, 2, c, 3)).isCloseTo(3 * 100 + 10 + 5, within(1e-4f));
            assertThat(weight.getFloat(0, 0, c, 0)).isCloseTo(10, within(1e-4f));
        }
    }

    @Test
    void withoutItTheChannelsAreAMismatch() {
        SameDiff graph = flowStem(20);
        TensorData rgb = rgbWeight();

        LoadReport report = new CheckpointLoader(KeyMappings.MMACTION2)
                .loadMatching(graph, Map.of(rgb.name(), rgb), "rgb.pth");

        assertThat(report.loaded()).isEmpty();
        assertThat(report.mismatched()).singleElement().satisfies(m -> assertThat(m.key()).isEqualTo(rgb.name()));
    }

    @Test
    void otherDifferencesStayMismatches() {
        SameDiff graph = flowStem(20);
        TensorData wider = new TensorData("backbone.conv1.conv.weight", new long[] {OUT + 1, 3, K, K},
                new float[(OUT + 1) * 3 * K * K]);

        LoadReport report = new CheckpointLoader(KeyMappings.MMACTION2, true)
                .loadMatching(graph, Map.of(wider.name(), wider), "wider.pth");

        assertThat(report.mismatched()).hasSize(1);
        assertThat(CrossModality.applies(new long[] {K, K, 3, OUT}, new long[] {K, K, 20, OUT})).isTrue();
        assertThat(CrossModality.applies(new long[] {K, 3, OUT}, new long[] {K, 20, OUT})).isFalse();
        assertThat(CrossModality.applies(new long[] {K, K, 20, OUT}, new long[] {K, K, 20, OUT})).isFalse();
    }
}
