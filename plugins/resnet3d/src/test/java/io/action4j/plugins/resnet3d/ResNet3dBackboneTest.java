package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ResNet3dBackboneTest {

    /** torchvision's r3d_18 has 33,371,472 parameters, of which its 400-class fc has 512 * 400 + 400. */
    private static final long R3D_18_PARAMETERS_WITHOUT_FC = 33_371_472L - (512L * 400 + 400);

    /** Output size of a convolution or pooling along one axis. */
    private static long slide(long size, int kernel, int stride, int padding) {
        return (size + 2L * padding - kernel) / stride + 1;
    }

    /** Size after the four stages' 3x3x3 (padding 1) first convolutions with {@code strides}. */
    private static long throughStages(long size, int... strides) {
        for (int stride : strides) {
            size = slide(size, 3, stride, 1);
        }
        return size;
    }

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    private static ResNet3dConfig tiny(int depth) {
        return Configs.defaults().depth(depth).baseChannels(1).build();
    }

    @Test
    void defaultR3d18HasTorchvisionsParameterCountWithoutTheClassifier() {
        ComponentGraph graph = Backbones.build(ResNet3dConfig.DEFAULTS, 8, 32, 32);

        assertThat(R3D_18_PARAMETERS_WITHOUT_FC).isEqualTo(33_166_272L);
        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(R3D_18_PARAMETERS_WITHOUT_FC);
    }

    @Test
    void defaultR3d18KeepsBatchNormRunningStatisticsAsConstants() {
        ComponentGraph graph = Backbones.build(ResNet3dConfig.DEFAULTS, 8, 32, 32);

        // 20 batch norms over 64 + 4*64 + 5*128 + 5*256 + 5*512 = 4,800 channels, mean and variance each.
        assertThat(graph.elementsOf(VariableType.CONSTANT)).isEqualTo(9_600L);
        assertThat(graph.sameDiff().variables())
                .filteredOn(v -> v.name().endsWith(".running_mean") || v.name().endsWith(".running_var"))
                .hasSize(40)
                .allSatisfy(v -> assertThat(v.getVariableType()).isEqualTo(VariableType.CONSTANT));
    }

    @ParameterizedTest
    @MethodSource("depths")
    void depthCountsTheStemAndBlockConvolutionsPlusTheClassifier(int depth, int downsamples) {
        ComponentGraph graph = Backbones.build(tiny(depth), 4, 16, 16);

        List<String> convWeights = graph.sameDiff().variables().stream()
                .map(SDVariable::name)
                .filter(name -> name.endsWith(".conv.weight"))
                .toList();
        assertThat(convWeights).filteredOn(name -> !name.contains("downsample")).hasSize(depth - 1);
        assertThat(convWeights).filteredOn(name -> name.contains("downsample")).hasSize(downsamples);
    }

    static Stream<Arguments> depths() {
        // Basic blocks need a projection only where the stride or width changes (stages 2-4);
        // bottleneck stage 1 also needs one, from baseChannels to 4 * baseChannels.
        return Stream.of(Arguments.of(18, 3), Arguments.of(34, 3), Arguments.of(50, 4), Arguments.of(101, 4),
                Arguments.of(152, 4));
    }

    @Test
    void defaultBackboneDeclaresTheShapeItProduces() {
        ComponentGraph graph = Backbones.build(ResNet3dConfig.DEFAULTS, 8, 32, 32);

        long t = throughStages(slide(8, 3, 1, 1), 1, 2, 2, 2);
        long h = throughStages(slide(32, 7, 2, 3), 1, 2, 2, 2);
        assertThat(new long[] {t, h}).containsExactly(1, 2);
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 512, t, h, h));
        assertThat(graph.output().shape()).hasToString("?x512x1x2x2");

        INDArray output = graph.run(randomClip(1, 3, 8, 32, 32));

        assertThat(output.shape()).containsExactly(1, 512, t, h, h);
    }

    @Test
    void bottleneckDepth50ExpandsTheLastStageFourTimes() {
        ComponentGraph graph = Backbones.build(Configs.defaults().depth(50).baseChannels(8).build(), 4, 32, 32);

        long t = throughStages(slide(4, 3, 1, 1), 1, 2, 2, 2);
        long h = throughStages(slide(32, 7, 2, 3), 1, 2, 2, 2);
        TensorShape expected = TensorShape.of(TensorShape.UNKNOWN, 8 * 8 * 4, t, h, h);
        assertThat(graph.output().shape()).isEqualTo(expected);

        INDArray output = graph.run(randomClip(1, 3, 4, 32, 32));

        assertThat(output.shape()).containsExactly(1, 256, t, h, h);
        assertThat(graph.parameter("layer1.0.conv3.conv.weight").shape()).containsExactly(1, 1, 1, 8, 32);
        assertThat(graph.hasParameter("layer1.0.downsample.conv.weight")).isTrue();
    }

    @Test
    void stemPoolHalvesHeightAndWidthOnceMore() {
        ResNet3dConfig pooled = Configs.defaults().baseChannels(8).stemPool(true).build();
        ResNet3dConfig unpooled = Configs.defaults().baseChannels(8).build();

        ComponentGraph withPool = Backbones.build(pooled, 8, 64, 64);
        ComponentGraph withoutPool = Backbones.build(unpooled, 8, 64, 64);

        assertThat(withoutPool.output().shape()).isEqualTo(TensorShape.of(-1, 64, 1, 4, 4));
        assertThat(withPool.output().shape()).isEqualTo(TensorShape.of(-1, 64, 1, 2, 2));
        assertThat(withPool.run(randomClip(1, 3, 8, 64, 64)).shape()).containsExactly(1, 64, 1, 2, 2);
        assertThat(withPool.sameDiff().hasVariable("backbone/maxpool")).isTrue();
        assertThat(withoutPool.sameDiff().hasVariable("backbone/maxpool")).isFalse();
    }

    @Test
    void unitTemporalStridesKeepTheClipLength() {
        ResNet3dConfig config = Configs.defaults().baseChannels(8).temporalStrides(1, 1, 1, 1).build();
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 64, 8, 2, 2));
        assertThat(graph.run(randomClip(2, 3, 8, 32, 32)).shape()).containsExactly(2, 64, 8, 2, 2);
    }

    @Test
    void unitSpatialStridesKeepTheStemResolution() {
        ResNet3dConfig config = Configs.defaults().baseChannels(4).spatialStrides(1, 1, 1, 1).build();
        ComponentGraph graph = Backbones.build(config, 4, 16, 16);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 32, 1, 8, 8));
        assertThat(graph.run(randomClip(1, 3, 4, 16, 16)).shape()).containsExactly(1, 32, 1, 8, 8);
    }

    @Test
    void variablesAreNamedAsMmaction2NamesThem() {
        ComponentGraph graph = Backbones.build(ResNet3dConfig.DEFAULTS, 8, 32, 32);

        // ND4J's conv3d weight layout is kT, kH, kW, inC, outC.
        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(3, 7, 7, 3, 64);
        assertThat(graph.parameter("conv1.bn.weight").shape()).containsExactly(64);
        assertThat(graph.parameter("layer1.0.conv1.conv.weight").shape()).containsExactly(3, 3, 3, 64, 64);
        assertThat(graph.parameter("layer1.0.conv1.bn.running_mean").shape()).containsExactly(64);
        assertThat(graph.parameter("layer2.0.conv1.conv.weight").shape()).containsExactly(3, 3, 3, 64, 128);
        assertThat(graph.parameter("layer2.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 64, 128);
        assertThat(graph.parameter("layer2.0.downsample.bn.running_var").shape()).containsExactly(128);
        assertThat(graph.parameter("layer4.1.conv2.conv.weight").shape()).containsExactly(3, 3, 3, 512, 512);
        assertThat(graph.hasParameter("layer1.0.downsample.conv.weight")).isFalse();
        assertThat(graph.sameDiff().variables()).noneMatch(v -> v.name().contains("layer1.0.downsample"));
        assertThat(graph.hasParameter("layer4.2.conv1.conv.weight")).isFalse();
    }

    @Test
    void layersAreScopedUnderBackbone() {
        ComponentGraph graph = Backbones.build(tiny(18), 4, 16, 16);

        assertThat(graph.output().variable().name()).isEqualTo("backbone/layer4.1.relu");
        assertThat(graph.sameDiff().hasVariable("backbone/conv1.conv")).isTrue();
        assertThat(graph.sameDiff().hasVariable("backbone/layer2.0.downsample.bn")).isTrue();
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes() {
        ResNet3dConfig config = tiny(18);
        INDArray first = Backbones.build(config, 7, 3, 4, 16, 16).parameter("conv1.conv.weight");
        INDArray again = Backbones.build(config, 7, 3, 4, 16, 16).parameter("conv1.conv.weight");
        INDArray otherSeed = Backbones.build(config, 8, 3, 4, 16, 16).parameter("conv1.conv.weight");

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.stdNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void outputOfTheFinalReluIsFiniteAndNonNegative() {
        ComponentGraph graph = Backbones.build(tiny(18), 4, 16, 16);

        INDArray output = graph.run(randomClip(2, 3, 4, 16, 16).subi(0.5));

        assertThat(output.shape()).containsExactly(2, 8, 1, 1, 1);
        float[] values = output.data().asFloat();
        for (float value : values) {
            assertThat(value).isFinite().isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void zeroClipGivesExactlyZeroFeatures() {
        ComponentGraph graph = Backbones.build(Configs.defaults().baseChannels(8).build(), 4, 32, 32);

        INDArray output = graph.run(Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 32, 32));

        assertThat(output.shape()).containsExactly(2, 64, 1, 2, 2);
        assertThat(output.amaxNumber().doubleValue()).isZero();
    }

    /**
     * With every block convolution zeroed the residual branches add nothing, so a constant clip
     * flows through the stem and the shortcuts only: a 1x1x1 stem of weight 1 sums the 3 channels,
     * each 1x1x1 downsample of weight 1 sums its 1, 2 and 4 input channels, and each of those 4
     * batch norms divides by sqrt(1 + eps).
     */
    @Test
    void constantClipFlowsThroughStemAndShortcutsWhenBlockConvolutionsAreZero() {
        double epsilon = 1e-3;
        ResNet3dConfig config = Configs.defaults().baseChannels(1).stemKernel(1, 1, 1).stemStride(1, 1, 1)
                .bnEpsilon(epsilon).build();
        ComponentGraph graph = Backbones.build(config, 8, 16, 16);
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.name().endsWith(".conv.weight")) {
                boolean onPath = variable.name().equals(graph.scope() + "/conv1.conv.weight")
                        || variable.name().contains("downsample");
                variable.getArr().assign(onPath ? 1 : 0);
            }
        }

        INDArray output = graph.run(Nd4j.ones(DataType.FLOAT, 1, 3, 8, 16, 16));

        assertThat(output.shape()).containsExactly(1, 8, 1, 2, 2);
        double expected = 3 * 1 * 2 * 4 / Math.pow(1 + epsilon, 2);
        assertThat(output.minNumber().doubleValue()).isCloseTo(expected, within(1e-5));
        assertThat(output.maxNumber().doubleValue()).isCloseTo(expected, within(1e-5));
    }

    @Test
    void inputWithAnotherChannelCountThanInChannelsIsRejectedNamingTheStem() {
        ResNet3dConfig flow = Configs.defaults().inChannels(2).baseChannels(4).build();

        assertThatThrownBy(() -> Backbones.build(flow, 0, 3, 4, 16, 16))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv1.conv")
                .hasMessageContaining("inChannels");
    }

    @Test
    void twoChannelFlowInputBuildsATwoChannelStem() {
        ResNet3dConfig flow = Configs.defaults().inChannels(2).baseChannels(4).build();
        ComponentGraph graph = Backbones.build(flow, 0, 2, 4, 16, 16);

        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(3, 7, 7, 2, 4);
        assertThat(graph.run(randomClip(1, 2, 4, 16, 16)).shape()).containsExactly(1, 32, 1, 1, 1);
    }
}
