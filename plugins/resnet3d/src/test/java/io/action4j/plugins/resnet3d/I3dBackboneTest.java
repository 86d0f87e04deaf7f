package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MMAction2's I3D ResNet-50: resnet3d with inflation, a strided stem pool and pool2. */
class I3dBackboneTest {

    /**
     * sum(p.numel() for p in ResNet3d().parameters()) for the MMAction2 transcription in
     * parity/make_parity_fixtures.py at i3d_r50.py's settings: 27,223,872; with I3DHead's 400-class
     * fc_cls (2048 * 400 + 400) 28,043,472, MMAction2's "28.0M" for this config.
     */
    private static final long I3D_R50_BACKBONE_PARAMETERS = 27_223_872L;

    private static final ResNet3dConfig I3D_R50 = Configs.defaults().i3dR50().build();

    /** Built once: a full-width ResNet-50 takes a while to initialise. */
    private static ComponentGraph fullWidth;

    @BeforeAll
    static void buildFullWidth() {
        fullWidth = Backbones.build(I3D_R50, 8, 32, 32);
    }

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    @Test
    void defaultWidthsHaveMmaction2sParameterCount() {
        assertThat(fullWidth.elementsOf(VariableType.VARIABLE)).isEqualTo(I3D_R50_BACKBONE_PARAMETERS);
        assertThat(I3D_R50_BACKBONE_PARAMETERS + 2048 * 400 + 400).isEqualTo(28_043_472L);
    }

    @Test
    void inflatedBlocksConvolveTimeFirstAndTheOthersOnlySpace() {
        ComponentGraph graph = fullWidth;

        // ND4J's conv3d weight layout is kT, kH, kW, inC, outC.
        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(5, 7, 7, 3, 64);
        assertThat(graph.parameter("layer1.0.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 64, 64);
        assertThat(graph.parameter("layer1.0.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 64, 64);
        assertThat(graph.parameter("layer1.0.conv3.conv.weight").shape()).containsExactly(1, 1, 1, 64, 256);
        // inflate (1, 0, 1, 0) in stage 2: block 1 is not inflated.
        assertThat(graph.parameter("layer2.0.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 256, 128);
        assertThat(graph.parameter("layer2.1.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 512, 128);
        assertThat(graph.parameter("layer2.1.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 128, 128);
        // inflate (0, 1, 0) in stage 4.
        assertThat(graph.parameter("layer4.0.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 1024, 512);
        assertThat(graph.parameter("layer4.1.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 2048, 512);
        assertThat(graph.parameter("layer4.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 1024, 2048);
    }

    @Test
    void threeByThreeByThreeStyleKeepsTimeInTheMiddleConvolution() {
        ResNet3dConfig config = Configs.defaults().i3dR50().inflateStyle("3x3x3").baseChannels(2).build();
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        assertThat(graph.parameter("layer1.1.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 8, 2);
        assertThat(graph.parameter("layer1.0.conv2.conv.weight").shape()).containsExactly(3, 3, 3, 2, 2);
        assertThat(graph.parameter("layer2.1.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 4, 4);
    }

    @Test
    void declaresTheShapeItProduces() {
        ResNet3dConfig config = Configs.defaults().i3dR50().baseChannels(2).build();
        ComponentGraph graph = Backbones.build(config, 16, 32, 48);

        // Time 16 -> stem 8 -> pool1 4 -> pool2 2; space 32 x 48 -> 16 x 24 -> 8 x 12 -> 8 x 12, 4 x 6, 2 x 3, 1 x 2.
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 64, 2, 1, 2));
        assertThat(graph.run(randomClip(2, 3, 16, 32, 48)).shape()).containsExactly(2, 64, 2, 1, 2);
        assertThat(graph.sameDiff().hasVariable("backbone/maxpool")).isTrue();
        assertThat(graph.sameDiff().hasVariable("backbone/pool2")).isTrue();
    }

    @Test
    void pool2HalvesTimeAfterTheFirstStageOnly() {
        Configs base = Configs.defaults().baseChannels(2).temporalStrides(1, 1, 1, 1);
        ComponentGraph without = Backbones.build(base.build(), 8, 16, 16);
        ComponentGraph with = Backbones.build(base.withPool2(true).build(), 8, 16, 16);

        assertThat(without.output().shape().dim(2)).isEqualTo(8);
        assertThat(with.output().shape().dim(2)).isEqualTo(4);
        assertThat(without.sameDiff().hasVariable("backbone/pool2")).isFalse();
    }

    @Test
    void oneInflateValuePerStageAppliesToEveryBlock() {
        ResNet3dConfig config = Configs.defaults().baseChannels(2)
                .inflate(List.of(0), List.of(1), List.of(0, 1), List.of(1)).build();
        ComponentGraph graph = Backbones.build(config, 4, 16, 16);

        assertThat(graph.parameter("layer1.0.conv1.conv.weight").shape()).containsExactly(1, 3, 3, 2, 2);
        assertThat(graph.parameter("layer1.1.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 2, 2);
        assertThat(graph.parameter("layer2.1.conv2.conv.weight").shape()).containsExactly(3, 3, 3, 4, 4);
        assertThat(graph.parameter("layer3.0.conv1.conv.weight").shape()).containsExactly(1, 3, 3, 4, 8);
        assertThat(graph.parameter("layer3.1.conv1.conv.weight").shape()).containsExactly(3, 3, 3, 8, 8);
    }
}
