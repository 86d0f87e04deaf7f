package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.model.Backbone;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FusionBackbonesTest {

    /** Widths 4-32, one basic block a stage: 33 x 33 frames end at 2 x 2. */
    private static final Trunk2dConfig SMALL = new Trunk2dConfig(18, List.of(1, 1, 1, 1), 4, List.of(1, 2, 2, 2), 1e-5);

    private static ComponentGraph build(Backbone backbone, long... clip) {
        return ComponentGraph.backbone(backbone, 0, TensorShape.of(clip));
    }

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(7);
        return Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
    }

    private static INDArray frames(INDArray clip, long... order) {
        INDArray[] picked = new INDArray[order.length];
        for (int i = 0; i < order.length; i++) {
            picked[i] = clip.get(all(), all(), NDArrayIndex.interval(order[i], order[i] + 1), all(), all());
        }
        return Nd4j.concat(2, picked);
    }

    private static INDArrayIndex all() {
        return NDArrayIndex.all();
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("early fusion, whole clip", new EarlyFusionBackbone(new EarlyFusionConfig(SMALL, 0)),
                        TensorShape.of(2, 3, 4, 33, 33), TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("flow stacking, 2 segments of 3", new EarlyFusionBackbone(new EarlyFusionConfig(SMALL, 3)),
                        TensorShape.of(2, 2, 6, 33, 33), TensorShape.of(-1, 32, 2, 2, 2)),
                Arguments.of("late fusion", new LateFusionBackbone(new LateFusionConfig(SMALL, 3, 16)),
                        TensorShape.of(2, 3, 5, 33, 33), TensorShape.of(-1, 16, 1, 1, 1)),
                Arguments.of("slow fusion, 8 frames", new SlowFusionBackbone(new SlowFusionConfig(List.of(4, 8, 8, 16),
                        List.of(7, 3, 3, 3), List.of(4, 2, 2, 1), List.of(2, 1, 1, 1), List.of(2, 2, 2, 1), 1e-5)),
                        TensorShape.of(2, 3, 8, 33, 33), TensorShape.of(-1, 16, 1, 5, 5)),
                Arguments.of("slow fusion, Karpathy's 10 frames", new SlowFusionBackbone(new SlowFusionConfig(
                        List.of(4, 8, 8, 16), List.of(3, 3, 3, 3), List.of(4, 2, 2, 1), List.of(2, 2, 1, 1),
                        List.of(2, 2, 2, 1), 1e-5)),
                        TensorShape.of(2, 3, 10, 33, 33), TensorShape.of(-1, 16, 1, 5, 5)),
                Arguments.of("cnn + lstm", new CnnLstmBackbone(new CnnLstmConfig(SMALL, 3, 12, "mean")),
                        TensorShape.of(2, 3, 4, 33, 33), TensorShape.of(-1, 12, 1, 1, 1)),
                Arguments.of("conv pooling", new ConvPoolingBackbone(new ConvPoolingConfig(SMALL, 3)),
                        TensorShape.of(2, 3, 4, 33, 33), TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("two-stream sum after layer 2", twoStream(2, 2, "sum"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 32, 2, 2, 2)),
                Arguments.of("two-stream max after layer 3", twoStream(2, 3, "max"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 32, 2, 2, 2)),
                Arguments.of("two-stream concat after layer 4", twoStream(2, 4, "concat"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 64, 2, 2, 2)),
                Arguments.of("two-stream concat after layer 1", twoStream(2, 1, "concat"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 32, 2, 2, 2)),
                Arguments.of("two-stream conv after layer 4", twoStream(0, 4, "conv"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("two-stream bilinear", twoStream(2, 4, "bilinear"),
                        TensorShape.of(2, 6, 4, 33, 33), TensorShape.of(-1, 32 * 32, 2, 1, 1)),
                Arguments.of("two-stream conv3d after layer 3", twoStream(1, 3, "conv3d"),
                        TensorShape.of(2, 5, 4, 33, 33), TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("two-stream conv3d after layer 4", twoStream(2, 4, "conv3d"),
                        TensorShape.of(2, 5, 4, 33, 33), TensorShape.of(-1, 32, 1, 2, 2)));
    }

    private static Backbone twoStream(int stackFrames, int fuseAfter, String fusion) {
        return new TwoStreamFusionBackbone(new TwoStreamFusionConfig(SMALL, 3, stackFrames, fuseAfter, fusion));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void declaredShapeIsTheRunShape(String name, Backbone backbone, TensorShape input, TensorShape expected) {
        ComponentGraph graph = build(backbone, -1, input.dim(1), input.dim(2), input.dim(3), input.dim(4));

        assertThat(graph.output().shape()).isEqualTo(expected);
        INDArray output = graph.run(randomClip(input.dims()));
        assertThat(output.shape()).containsExactly(input.dim(0), expected.dim(1), expected.dim(2), expected.dim(3),
                expected.dim(4));
        assertThat(output.stdNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void earlyFusionStacksFramesFrameMajorAsMmaction2StacksFlow() {
        ComponentGraph graph = build(new EarlyFusionBackbone(new EarlyFusionConfig(SMALL, 3)), 1, 2, 6, 33, 33);
        INDArray clip = randomClip(1, 2, 6, 33, 33);

        INDArray stacks = graph.sameDiff().output(Map.of(ComponentGraph.INPUT, clip), "backbone/stack")
                .get("backbone/stack");

        assertThat(stacks.shape()).containsExactly(2, 6, 33, 33);
        // Stack s, channel l*C + c is frame s*L + l's channel c: x1, y1, x2, y2, ... for flow.
        for (int s = 0; s < 2; s++) {
            for (int l = 0; l < 3; l++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(stacks.get(NDArrayIndex.point(s), NDArrayIndex.point(l * 2 + c)))
                            .isEqualTo(clip.get(NDArrayIndex.point(0), NDArrayIndex.point(c),
                                    NDArrayIndex.point(s * 3 + l)));
                }
            }
        }
        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(7, 7, 6, 4);
    }

    @Test
    void lateFusionSeesTheFirstAndLastFramesInOrderAndNothingBetween() {
        ComponentGraph graph = build(new LateFusionBackbone(new LateFusionConfig(SMALL, 3, 16)), -1, 3, 4, 33, 33);
        INDArray clip = randomClip(1, 3, 4, 33, 33);

        INDArray output = graph.run(clip);

        assertThat(maxDifference(graph.run(frames(clip, 0, 2, 1, 3)), output)).isZero();
        assertThat(maxDifference(graph.run(frames(clip, 3, 1, 2, 0)), output)).isGreaterThan(1e-4);
        assertThat(graph.parameter("fusion_fc.weight").shape()).containsExactly(64, 16);
        assertThat(graph.hasParameter("conv1.conv.weight")).isTrue();
    }

    @Test
    void lstmDependsOnTheFramesOrderAndConvPoolingDoesNot() {
        ComponentGraph lstm = build(new CnnLstmBackbone(new CnnLstmConfig(SMALL, 3, 12, "last")), -1, 3, 4, 33, 33);
        ComponentGraph pooling = build(new ConvPoolingBackbone(new ConvPoolingConfig(SMALL, 3)), -1, 3, 4, 33, 33);
        INDArray clip = randomClip(1, 3, 4, 33, 33);
        INDArray reversed = frames(clip, 3, 2, 1, 0);

        assertThat(maxDifference(lstm.run(reversed), lstm.run(clip))).isGreaterThan(1e-4);
        assertThat(maxDifference(pooling.run(reversed), pooling.run(clip))).isLessThan(1e-6);
        assertThat(lstm.parameter("lstm.weight_ih_l0").shape()).containsExactly(32, 48);
        assertThat(lstm.parameter("lstm.weight_hh_l0").shape()).containsExactly(12, 48);
        assertThat(lstm.parameter("lstm.bias_ih_l0").shape()).containsExactly(48);
    }

    @Test
    void twoStreamFusionNamesEachStreamAndTheFusedLayers() {
        ComponentGraph graph = build(twoStream(2, 3, "conv"), -1, 6, 4, 33, 33);

        assertThat(graph.parameter("rgb.conv1.conv.weight").shape()).containsExactly(7, 7, 3, 4);
        assertThat(graph.parameter("motion.conv1.conv.weight").shape()).containsExactly(7, 7, 6, 4);
        assertThat(graph.parameter("fusion.conv.weight").shape()).containsExactly(1, 1, 32, 16);
        assertThat(graph.hasParameter("fused.layer4.0.conv1.conv.weight")).isTrue();
        assertThat(graph.hasParameter("rgb.layer4.0.conv1.conv.weight")).isFalse();
        assertThat(graph.hasParameter("motion.layer3.0.conv1.conv.weight")).isTrue();
    }

    @Test
    void twoStreamSpatialStreamSeesEachSegmentsMiddleFrame() {
        // Sum fusion after layer 4 with the motion channels zeroed: the RGB stream alone (plus the motion stream's
        // constant response), so frames other than the middle ones (1 and 3 of two segments of 2) change nothing.
        ComponentGraph graph = build(twoStream(2, 4, "sum"), -1, 6, 4, 33, 33);
        INDArray clip = randomClip(1, 6, 4, 33, 33);
        clip.get(all(), NDArrayIndex.interval(3, 6), all(), all(), all()).assign(0);
        INDArray changed = clip.dup();
        changed.get(all(), NDArrayIndex.interval(0, 3), NDArrayIndex.point(0), all(), all()).assign(5);

        assertThat(maxDifference(graph.run(changed), graph.run(clip))).isZero();
    }

    @Test
    void badInputsAreNamedWhileBuilding() {
        assertThatThrownBy(() -> build(new EarlyFusionBackbone(new EarlyFusionConfig(SMALL, 3)), -1, 2, 4, 33, 33))
                .isInstanceOf(GraphBuildException.class).hasMessageContaining("backbone/stack")
                .hasMessageContaining("multiple");
        assertThatThrownBy(() -> build(new LateFusionBackbone(new LateFusionConfig(SMALL, 3, 8)), -1, 3, 1, 33, 33))
                .isInstanceOf(GraphBuildException.class).hasMessageContaining("two frames");
        assertThatThrownBy(() -> build(twoStream(0, 4, "sum"), -1, 3, 4, 33, 33))
                .isInstanceOf(GraphBuildException.class).hasMessageContaining("rgbChannels");
        assertThatThrownBy(() -> build(new SlowFusionBackbone(SlowFusionConfig.DEFAULTS), -1, 3, 8, 33, 33))
                .isInstanceOf(GraphBuildException.class).hasMessageContaining("backbone/conv3.conv");
        assertThatThrownBy(() -> build(new CnnLstmBackbone(new CnnLstmConfig(SMALL, 3, 8, "mean")), -1, 2, 4, 33, 33))
                .isInstanceOf(GraphBuildException.class).hasMessageContaining("inChannels is 3");
    }

    @Test
    void badConfigValuesNameTheKey() {
        assertThatThrownBy(() -> new TwoStreamFusionConfig(SMALL, 3, 0, 3, "bilinear"))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("fuseAfter");
        assertThatThrownBy(() -> new TwoStreamFusionConfig(SMALL, 3, 0, 4, "average"))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("fusion");
        assertThatThrownBy(() -> new TwoStreamFusionConfig(SMALL, 3, 0, 5, "sum"))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("fuseAfter");
        assertThatThrownBy(() -> new SlowFusionConfig(List.of(4, 8), List.of(3, 3), List.of(3), List.of(1, 1),
                List.of(1, 1), 1e-5)).isInstanceOf(ConfigValueException.class).hasMessageContaining("temporalKernels");
        assertThatThrownBy(() -> new SlowFusionConfig(List.of(4, 8), List.of(4, 3), List.of(3, 1), List.of(1, 1),
                List.of(1, 1), 1e-5)).isInstanceOf(ConfigValueException.class).hasMessageContaining("spatialKernels");
        assertThatThrownBy(() -> new CnnLstmConfig(SMALL, 3, 8, "first"))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("output");
        assertThatThrownBy(() -> new EarlyFusionConfig(SMALL, -1))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("stackFrames");
        assertThatThrownBy(() -> new Trunk2dConfig(19, List.of(), 8, List.of(1, 2, 2, 2), 1e-5))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("depth");
    }
}
