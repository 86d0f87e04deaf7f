package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutConversionTest {

    @Test
    void conv3dWeightsArePermutedTwoThreeFourOneZero() {
        long[] torch = {3, 2, 1, 2, 2}; // [out, in, kT, kH, kW]
        float[] values = sequence(24);

        float[] graph = LayoutConversion.toGraph(torch, values);

        assertThat(LayoutConversion.graphShape(torch)).containsExactly(1, 2, 2, 2, 3);
        // graph[t][h][w][i][o] == torch[o][i][t][h][w]
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 2; i++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 2; w++) {
                        float expected = values[((o * 2 + i) * 1) * 4 + h * 2 + w];
                        assertThat(graph[((h * 2 + w) * 2 + i) * 3 + o]).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void conv2dWeightsBecomeKernelInOut() {
        long[] torch = {2, 3, 1, 2}; // [out, in, kH, kW]
        float[] graph = LayoutConversion.toGraph(torch, sequence(12));

        assertThat(LayoutConversion.graphShape(torch)).containsExactly(1, 2, 3, 2);
        // graph[0][w][i][o] == torch[o][i][0][w] = o*6 + i*2 + w
        assertThat(graph).containsExactly(0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11);
    }

    @Test
    void linearWeightsAreTransposedAndVectorsKept() {
        assertThat(LayoutConversion.toGraph(new long[] {2, 3}, sequence(6))).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(LayoutConversion.toGraph(new long[] {3}, sequence(3))).containsExactly(0, 1, 2);
        assertThat(LayoutConversion.graphShape(new long[] {2, 3})).containsExactly(3, 2);
    }

    @Test
    void torchShapeInvertsGraphShape() {
        long[] torch = {8, 4, 3, 7, 5};
        assertThat(LayoutConversion.torchShape(LayoutConversion.graphShape(torch))).containsExactly(torch);
        assertThat(LayoutConversion.torchShape(new long[] {3, 5, 4, 8})).containsExactly(8, 4, 3, 5);
    }

    private static float[] sequence(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
