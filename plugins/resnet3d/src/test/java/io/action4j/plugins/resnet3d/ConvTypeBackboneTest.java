package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The mc3 and R(2+1)D variants: torchvision's parameter counts, layer names and shapes. */
class ConvTypeBackboneTest {

    /** torchvision's 400-class fc, which the backbone does not have. */
    private static final long FC_400 = 512L * 400 + 400;

    private static final ResNet3dConfig MC3_18 = Configs.defaults().convType("mc3").temporalStrides(1, 1, 1, 1).build();
    private static final ResNet3dConfig R2PLUS1D_18 = Configs.defaults().convType("2plus1d").build();

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torchvisionModels")
    void defaultWidthsHaveTorchvisionsParameterCountWithoutTheClassifier(String model, ResNet3dConfig config,
                                                                         long torchvisionParameters) {
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(torchvisionParameters - FC_400);
    }

    static Stream<Arguments> torchvisionModels() {
        // sum(p.numel() for p in torchvision.models.video.<model>().parameters()), torchvision 0.14.
        return Stream.of(Arguments.of("r3d_18", ResNet3dConfig.DEFAULTS, 33_371_472L),
                Arguments.of("mc3_18", MC3_18, 11_695_440L),
                Arguments.of("r2plus1d_18", R2PLUS1D_18, 31_505_325L));
    }

    @Test
    void mc3UsesFullConvolutionsInStageOneAndSpatialOnesAfter() {
        ComponentGraph graph = Backbones.build(MC3_18, 8, 32, 32);

        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(3, 7, 7, 3, 64);
        assertThat(graph.parameter("layer1.1.conv2.conv.weight").shape()).containsExactly(3, 3, 3, 64, 64);
        assertThat(graph.parameter("layer2.0.conv1.conv.weight").shape()).containsExactly(1, 3, 3, 64, 128);
        assertThat(graph.parameter("layer4.1.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 512, 512);
        assertThat(graph.parameter("layer2.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 64, 128);
    }

    @Test
    void r2plus1dSplitsEveryConvolutionWithTorchvisionsMidWidths() {
        ComponentGraph graph = Backbones.build(R2PLUS1D_18, 8, 32, 32);

        // The stem's 45 mid channels are torchvision's fixed choice, not the formula's.
        assertThat(graph.parameter("conv1.conv_s.weight").shape()).containsExactly(1, 7, 7, 3, 45);
        assertThat(graph.parameter("conv1.bn_s.running_var").shape()).containsExactly(45);
        assertThat(graph.parameter("conv1.conv_t.weight").shape()).containsExactly(3, 1, 1, 45, 64);
        assertThat(graph.parameter("conv1.bn.weight").shape()).containsExactly(64);
        // (in * out * 27) / (in * 9 + 3 * out): 64, 64 -> 144.
        assertThat(graph.parameter("layer1.0.conv1.conv_s.weight").shape()).containsExactly(1, 3, 3, 64, 144);
        assertThat(graph.parameter("layer1.0.conv1.conv_t.weight").shape()).containsExactly(3, 1, 1, 144, 64);
        // One mid width per block, from the block's input: conv2 of layer2.0 (128 -> 128) also has 230.
        assertThat(graph.parameter("layer2.0.conv1.conv_s.weight").shape()).containsExactly(1, 3, 3, 64, 230);
        assertThat(graph.parameter("layer2.0.conv2.conv_s.weight").shape()).containsExactly(1, 3, 3, 128, 230);
        assertThat(graph.parameter("layer2.0.conv2.bn_s.running_mean").shape()).containsExactly(230);
        assertThat(graph.parameter("layer2.0.conv2.conv_t.weight").shape()).containsExactly(3, 1, 1, 230, 128);
        assertThat(graph.parameter("layer2.0.conv2.bn.weight").shape()).containsExactly(128);
        assertThat(graph.parameter("layer2.1.conv1.conv_s.weight").shape()).containsExactly(1, 3, 3, 128, 288);
        assertThat(graph.parameter("layer4.0.conv1.conv_s.weight").shape()).containsExactly(1, 3, 3, 256, 921);
        assertThat(graph.parameter("layer2.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 64, 128);
        assertThat(graph.hasParameter("conv1.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer1.0.conv1.conv.weight")).isFalse();
    }

    @Test
    void midChannelsFollowTorchvisionsFormula() {
        assertThat(ConvUnits.midChannels(64, 64)).isEqualTo(144);
        assertThat(ConvUnits.midChannels(64, 128)).isEqualTo(230);
        assertThat(ConvUnits.midChannels(128, 256)).isEqualTo(460);
        assertThat(ConvUnits.midChannels(256, 512)).isEqualTo(921);
        assertThat(ConvUnits.midChannels(3, 3)).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantShapes")
    void variantDeclaresTheShapeItProduces(String variant, ResNet3dConfig config, TensorShape expected) {
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        assertThat(graph.output().shape()).isEqualTo(expected);
        INDArray output = graph.run(randomClip(2, 3, 8, 32, 32));
        assertThat(output.shape()).containsExactly(2, expected.dim(1), expected.dim(2), expected.dim(3), expected.dim(4));
    }

    static Stream<Arguments> variantShapes() {
        Configs mc3 = Configs.defaults().convType("mc3").temporalStrides(1, 1, 1, 1).baseChannels(4);
        Configs r2plus1d = Configs.defaults().convType("2plus1d").baseChannels(4).stemMidChannels(5);
        // Space: 32 -> stem 16 -> 16, 8, 4, 2. Time: 8 -> 8, 4, 2, 1, but 8 throughout for mc3.
        return Stream.of(Arguments.of("mc3 18", mc3.build(), TensorShape.of(-1, 32, 8, 2, 2)),
                Arguments.of("2plus1d 18", r2plus1d.build(), TensorShape.of(-1, 32, 1, 2, 2)),
                Arguments.of("mc3 50", mc3.depth(50).build(), TensorShape.of(-1, 128, 8, 2, 2)),
                Arguments.of("2plus1d 50", r2plus1d.depth(50).build(), TensorShape.of(-1, 128, 1, 2, 2)));
    }

    @Test
    void r2plus1dStemSplitsTheStemKernelAndStride() {
        ResNet3dConfig config = Configs.defaults().convType("2plus1d").baseChannels(4).stemMidChannels(6)
                .stemKernel(5, 3, 3).stemStride(2, 1, 1).build();
        ComponentGraph graph = Backbones.build(config, 8, 16, 16);

        assertThat(graph.parameter("conv1.conv_s.weight").shape()).containsExactly(1, 3, 3, 3, 6);
        assertThat(graph.parameter("conv1.conv_t.weight").shape()).containsExactly(5, 1, 1, 6, 4);
        // Time 8 -> stem stride 2 -> 4 -> 4, 2, 1, 1; space 16 -> 16, 8, 4, 2.
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 32, 1, 2, 2));
        assertThat(graph.run(randomClip(1, 3, 8, 16, 16)).shape()).containsExactly(1, 32, 1, 2, 2);
    }

    @Test
    void stageBlocksOverrideTheDepthsBlockCounts() {
        ResNet3dConfig config = Configs.defaults().convType("2plus1d").baseChannels(2).stageBlocks(1, 3, 1, 1).build();
        ComponentGraph graph = Backbones.build(config, 4, 16, 16);

        assertThat(graph.hasParameter("layer1.0.conv1.conv_s.weight")).isTrue();
        assertThat(graph.hasParameter("layer1.1.conv1.conv_s.weight")).isFalse();
        assertThat(graph.hasParameter("layer2.2.conv2.conv_t.weight")).isTrue();
        assertThat(graph.hasParameter("layer2.3.conv1.conv_s.weight")).isFalse();
        assertThat(graph.output().variable().name()).isEqualTo("backbone/layer4.0.relu");
    }

    @Test
    void wrongInputChannelsNameTheFactorisedStem() {
        ResNet3dConfig config = Configs.defaults().convType("2plus1d").inChannels(2).baseChannels(4).build();

        assertThatThrownBy(() -> Backbones.build(config, 0, 3, 4, 16, 16))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv1.conv_s");
    }
}
