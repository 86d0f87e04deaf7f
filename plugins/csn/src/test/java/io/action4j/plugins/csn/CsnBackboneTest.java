package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ComponentGraph.Batch;
import io.action4j.testing.GraphBuilders;
import io.action4j.testing.RecognizerGraph;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CsnBackboneTest {

    /** The backbone built on a clip of {@code channels x t x h x w}. */
    private static ComponentGraph build(CsnConfig config, long channels, long t, long h, long w) {
        return ComponentGraph.backbone(new CsnBackboneFactory().create(config), 0,
                TensorShape.of(1, channels, t, h, w));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallNetworks")
    void declaredShapeIsTheShapeItRunsTo(String label, CsnConfig config, long t, long h, long w, long[] expected) {
        ComponentGraph graph = build(config, 3, t, h, w);
        INDArray output = graph.run(Nd4j.randn(11, new long[] {2, 3, t, h, w}).castTo(DataType.FLOAT));

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(expected));
        assertThat(output.shape()).containsExactly(2, expected[1], expected[2], expected[3], expected[4]);
        assertThat(output.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0); // the last ReLU
    }

    static Stream<Arguments> smallNetworks() {
        long u = TensorShape.UNKNOWN;
        return Stream.of(
                // time 8 -> 8 -> 4 -> 2 -> 1, space 32 -> 16 -> 8 -> 8 -> 4 -> 2 -> 1
                Arguments.of("ir, MMAction2's strides", Configs.small("ir", 2).build(), 8, 32, 32,
                        new long[] {u, 64, 1, 1, 1}),
                // time 7 -> 7 -> 4 -> 2 -> 1, 30 x 46 -> 15 x 23 -> 8 x 12 -> 8 x 12 -> 4 x 6 -> 2 x 3 -> 1 x 2
                Arguments.of("ip, odd sizes", Configs.small("ip", 2).build(), 7, 30, 46, new long[] {u, 64, 1, 1, 2}),
                // two blocks in stage 2 (a block without downsample), pool2 halves time after stage 1
                Arguments.of("ir, pool2, 2 blocks", Configs.small("ir", 2).stageBlocks(List.of(1, 2, 1, 1))
                        .withPool2(true).build(), 16, 32, 32, new long[] {u, 64, 1, 1, 1}),
                Arguments.of("ip, no temporal strides", Configs.small("ip", 2).temporalStrides(List.of(1, 1, 1, 1))
                        .build(), 4, 32, 32, new long[] {u, 64, 4, 1, 1}),
                Arguments.of("ir, stem strides time", Configs.small("ir", 1).stemStride(List.of(2, 2, 2))
                        .stemPoolStride(List.of(2, 2, 2)).inChannels(3).build(), 32, 32, 32,
                        new long[] {u, 32, 1, 1, 1}));
    }

    @Test
    void irBlocksHaveADepthwiseConv2WithMmaction2sNames() {
        ComponentGraph graph = build(Configs.small("ir", 4).build(), 3, 4, 32, 32);

        // torch [planes, 1, 3, 3, 3] permuted 2, 3, 4, 1, 0
        assertThat(graph.parameter("layer1.0.conv2.0.conv.weight").shape()).containsExactly(3, 3, 3, 1, 4);
        assertThat(graph.parameter("layer4.0.conv2.0.conv.weight").shape()).containsExactly(3, 3, 3, 1, 32);
        assertThat(graph.parameter("layer2.0.conv2.0.bn.running_var").shape()).containsExactly(8);
        assertThat(graph.hasParameter("layer1.0.conv2.1.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer1.0.conv2.conv.weight")).isFalse();
        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(3, 7, 7, 3, 4);
        assertThat(graph.parameter("layer1.0.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 4, 4);
        assertThat(graph.parameter("layer1.0.conv3.conv.weight").shape()).containsExactly(1, 1, 1, 4, 16);
        assertThat(graph.parameter("layer1.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 4, 16);
        assertThat(graph.parameter("layer3.0.downsample.bn.running_mean").shape()).containsExactly(64);
    }

    @Test
    void ipBlocksHaveA1x1x1ConvThenTheDepthwiseOne() {
        ComponentGraph graph = build(Configs.small("ip", 4).build(), 3, 4, 32, 32);

        assertThat(graph.parameter("layer1.0.conv2.0.conv.weight").shape()).containsExactly(1, 1, 1, 4, 4);
        assertThat(graph.parameter("layer1.0.conv2.0.bn.weight").shape()).containsExactly(4);
        assertThat(graph.parameter("layer1.0.conv2.1.conv.weight").shape()).containsExactly(3, 3, 3, 1, 4);
        assertThat(graph.parameter("layer4.0.conv2.1.bn.running_var").shape()).containsExactly(32);
        // MMAction2's 1x1x1 has no activation: no ReLU between conv2.0 and conv2.1.
        assertThat(graph.sameDiff().hasVariable("backbone/layer1.0.conv2.0.relu")).isFalse();
        assertThat(graph.sameDiff().hasVariable("backbone/layer1.0.conv2.1.relu")).isTrue();
    }

    /** Parameter counts of the full networks as the fixture script's transcription counts them. */
    @ParameterizedTest(name = "{0}-CSN-{1}")
    @MethodSource("fullSizeCounts")
    void fullSizeParameterCounts(String mode, int depth, long backboneParameters, long buffers, long withHead) {
        CsnConfig config = Configs.defaults().bottleneckMode(mode).depth(depth).build();
        // MMAction2's I3DHead: average pooling and fc_cls, 2048 x 400 + 400.
        RecognizerGraph graph = RecognizerGraph.build(GraphBuilders.create(SameDiff.create(), 0),
                TensorShape.of(1, 3, 32, 224, 224), Batch.OPEN, new CsnBackboneFactory().create(config)::build,
                (builder, features) -> builder.linear("fc_cls", builder.globalAveragePool("avg_pool", features), 400,
                        0.01));
        ComponentGraph backbone = graph.backbone();

        assertThat(backbone.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 2048, 4, 7, 7));
        assertThat(backbone.elementsInScope(VariableType.VARIABLE)).isEqualTo(backboneParameters);
        assertThat(backbone.elementsInScope(VariableType.CONSTANT)).isEqualTo(buffers);
        assertThat(graph.parameterCount()).isEqualTo(withHead);
    }

    static Stream<Arguments> fullSizeCounts() {
        // from make_parity_fixtures.py --counts; MMAction2's README: ir 152 29.70M, ip 152 33.02M, ir 50 13.13M
        return Stream.of(
                Arguments.of("ir", 152, 28_883_968L, 151_424L, 29_703_568L),
                Arguments.of("ip", 152, 32_196_992L, 175_360L, 33_016_592L),
                Arguments.of("ir", 50, 12_311_552L, 53_120L, 13_131_152L));
    }

    @Test
    void everyVariableHasAnMmaction2NameUnderTheBackboneScope() {
        ComponentGraph graph = build(Configs.small("ip", 2).build(), 3, 4, 32, 32);

        List<String> names = graph.sameDiff().variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT)
                .map(SDVariable::name)
                .toList();
        // 1 stem + 4 stages x (conv1, conv2.0, conv2.1, conv3, downsample) ConvModules, 5 arrays each
        assertThat(names).hasSize((1 + 4 * 5) * 5)
                .allMatch(name -> name.matches("backbone/(conv1|layer[1-4]\\.0\\.(conv1|conv2\\.[01]|conv3|downsample))"
                        + "\\.(conv\\.weight|bn\\.(weight|bias|running_mean|running_var))"));
    }

    @Test
    void anInputWithOtherChannelsFailsNamingTheStem() {
        assertThatThrownBy(() -> build(Configs.small("ir", 2).build(), 2, 8, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv1.conv")
                .hasMessageContaining("inChannels is 3");
    }

    @Test
    void anInputOfUnknownSizeFailsNamingTheDepthwiseLayer() {
        // The depthwise workaround reshapes frames into images, so it needs the sizes at build time.
        assertThatThrownBy(() -> build(Configs.small("ir", 2).build(), 3, TensorShape.UNKNOWN, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageStartingWith("backbone/layer1.0.conv2.0.conv: ")
                .hasMessageContaining("known channels, time, height and width");
    }
}
