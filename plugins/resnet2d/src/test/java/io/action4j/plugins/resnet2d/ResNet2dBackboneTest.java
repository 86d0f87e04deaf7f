package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ResNet2dBackboneTest {

    private static final List<Integer> SMALL_BLOCKS = List.of(2, 1, 1, 1);

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    private static Configs small() {
        return Configs.defaults().baseChannels(4).stageBlocks(SMALL_BLOCKS);
    }

    /** The backbone built on a clip of {@code channels x t x h x w} (3 channels when not given). */
    private static ComponentGraph build(ResNet2dConfig config, long... clip) {
        long[] dims = clip.length == 3 ? new long[] {1, 3, clip[0], clip[1], clip[2]}
                : new long[] {1, clip[0], clip[1], clip[2], clip[3]};
        return ComponentGraph.backbone(new ResNet2dBackboneFactory().create(config), 0, TensorShape.of(dims));
    }

    /** The value of any graph variable on {@code clip}, e.g. {@code backbone/layer2.0.conv1.relu}. */
    private static INDArray run(ComponentGraph graph, INDArray clip, String variable) {
        return graph.sameDiff().output(Map.of(ComponentGraph.INPUT, clip), variable).get(variable);
    }

    @ParameterizedTest(name = "resnet{0}")
    @MethodSource("torchvisionCounts")
    void fullSizeHasTorchvisionsParameterCountWithoutTheClassifier(int depth, long torchvision, long fc) {
        ComponentGraph graph = build(Configs.defaults().depth(depth).build(), 1, 32, 32);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(torchvision - fc);
    }

    static Stream<Arguments> torchvisionCounts() {
        // sum(p.numel() for p in torchvision.models.resnetD().parameters()) and the same over .fc,
        // torchvision 0.14 (1000 classes); resnet50: 25,557,032 - 2,049,000 = 23,508,032.
        return Stream.of(Arguments.of(18, 11_689_512L, 513_000L),
                Arguments.of(34, 21_797_672L, 513_000L),
                Arguments.of(50, 25_557_032L, 2_049_000L),
                Arguments.of(101, 44_549_160L, 2_049_000L),
                Arguments.of(152, 60_192_808L, 2_049_000L));
    }

    @Test
    void temporalShiftAddsNoParameters() {
        long tsn = build(small().depth(50).build(), 4, 33, 33).elementsOf(VariableType.VARIABLE);
        long tsm = build(small().depth(50).shiftDiv(8).build(), 4, 33, 33).elementsOf(VariableType.VARIABLE);

        assertThat(tsm).isEqualTo(tsn);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void declaredShapeIsTheRunShape(String name, ResNet2dConfig config, long segments, TensorShape expected) {
        ComponentGraph graph = build(config, segments, 33, 33);

        assertThat(graph.output().shape()).isEqualTo(expected);
        INDArray output = graph.run(randomClip(2, 3, segments, 33, 33));
        assertThat(output.shape()).containsExactly(2, expected.dim(1), expected.dim(2), expected.dim(3), expected.dim(4));
    }

    static Stream<Arguments> shapes() {
        // Space: 33 -> stem 17 -> pool 9 -> 9, 5, 3, 2; time: the segments, untouched.
        return Stream.of(
                Arguments.of("tsn 18", small().depth(18).build(), 3, TensorShape.of(-1, 32, 3, 2, 2)),
                Arguments.of("tsn 50", small().build(), 3, TensorShape.of(-1, 128, 3, 2, 2)),
                Arguments.of("tsm 50", small().shiftDiv(8).build(), 8, TensorShape.of(-1, 128, 8, 2, 2)),
                Arguments.of("tsm 18 one segment", small().depth(18).shiftDiv(2).build(), 1,
                        TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("caffe style", small().style("caffe").build(), 2, TensorShape.of(-1, 128, 2, 2, 2)),
                Arguments.of("no strides", small().depth(18).strides(List.of(1, 1, 1, 1)).build(), 2,
                        TensorShape.of(-1, 32, 2, 9, 9)));
    }

    @Test
    void parametersHaveMmaction2sNamesAndNd4jsLayout() {
        ComponentGraph graph = build(ResNet2dConfig.DEFAULTS, 1, 32, 32);

        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(7, 7, 3, 64);
        assertThat(graph.parameter("conv1.bn.running_var").shape()).containsExactly(64);
        assertThat(graph.parameter("layer1.0.conv1.conv.weight").shape()).containsExactly(1, 1, 64, 64);
        assertThat(graph.parameter("layer1.0.conv2.conv.weight").shape()).containsExactly(3, 3, 64, 64);
        assertThat(graph.parameter("layer1.0.conv3.bn.weight").shape()).containsExactly(256);
        assertThat(graph.parameter("layer1.0.downsample.conv.weight").shape()).containsExactly(1, 1, 64, 256);
        assertThat(graph.parameter("layer4.2.conv3.conv.weight").shape()).containsExactly(1, 1, 512, 2048);
        assertThat(graph.hasParameter("layer1.1.downsample.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer4.3.conv1.conv.weight")).isFalse();
        assertThat(graph.output().variable().name()).isEqualTo("backbone/output");
    }

    @Test
    void basicBlocksProjectOnlyWhereTheStrideOrWidthChanges() {
        ComponentGraph graph = build(small().depth(18).build(), 1, 33, 33);

        assertThat(graph.hasParameter("layer1.0.downsample.conv.weight")).isFalse();
        assertThat(graph.parameter("layer2.0.downsample.conv.weight").shape()).containsExactly(1, 1, 4, 8);
        assertThat(graph.parameter("layer1.1.conv2.conv.weight").shape()).containsExactly(3, 3, 4, 4);
    }

    @Test
    void shiftedConvolutionsAreNamedAsInsideMmaction2sTemporalShift() {
        ComponentGraph graph = build(small().shiftDiv(8).build(), 4, 33, 33);

        assertThat(graph.hasParameter("layer1.0.conv1.conv.net.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.1.conv1.conv.net.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.0.conv1.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer1.0.conv1.bn.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.0.conv2.conv.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.0.downsample.conv.weight")).isTrue();
    }

    @Test
    void deepTsmShiftsEverySecondBlockOnly() {
        ComponentGraph graph = build(Configs.defaults().depth(101).baseChannels(2).shiftDiv(8).build(), 2, 32, 32);

        assertThat(graph.hasParameter("layer3.0.conv1.conv.net.weight")).isTrue();
        assertThat(graph.hasParameter("layer3.1.conv1.conv.weight")).isTrue();
        assertThat(graph.hasParameter("layer3.22.conv1.conv.net.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.1.conv1.conv.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.2.conv1.conv.net.weight")).isTrue();
    }

    @Test
    void caffeStyleStridesInTheFirstConvolutionOfABottleneck() {
        INDArray clip = randomClip(1, 3, 1, 33, 33);
        String conv1 = "backbone/layer2.0.conv1.relu";

        INDArray pytorch = run(build(small().build(), 1, 33, 33), clip, conv1);
        INDArray caffe = run(build(small().style("caffe").build(), 1, 33, 33), clip, conv1);

        assertThat(pytorch.shape()).containsExactly(1, 8, 9, 9);
        assertThat(caffe.shape()).containsExactly(1, 8, 5, 5);
    }

    @Test
    void framesAreIndependentWithoutTheShift() {
        ResNet2dConfig tsn = small().depth(18).build();
        INDArray clip = randomClip(2, 3, 3, 33, 33);

        INDArray together = build(tsn, 3, 33, 33).run(clip);
        ComponentGraph single = build(tsn, 1, 33, 33);
        for (int t = 0; t < 3; t++) {
            INDArray frame = clip.get(all(), all(), interval(t, t + 1), all(), all()).dup();
            INDArray alone = single.run(frame);
            INDArray inClip = together.get(all(), all(), interval(t, t + 1), all(), all());
            assertThat(alone.sub(inClip).amaxNumber().doubleValue()).isLessThan(1e-5);
        }
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long from, long to) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
    }

    @Test
    void wrongInputChannelsNameTheStem() {
        assertThatThrownBy(() -> build(small().inChannels(2).build(), 3, 1, 33, 33))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv1.conv")
                .hasMessageContaining("inChannels is 2");
    }

    @Test
    void unknownTimeIsRejectedBecauseTheFramesCannotBeFolded() {
        assertThatThrownBy(() -> build(small().build(), TensorShape.UNKNOWN, 33, 33))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/frames")
                .hasMessageContaining("time");
    }
}
