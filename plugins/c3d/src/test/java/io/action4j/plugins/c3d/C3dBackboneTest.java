package io.action4j.plugins.c3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class C3dBackboneTest {

    /**
     * sum(p.numel() for p in C3D().parameters()) for the MMAction2 transcription in
     * parity/make_parity_fixtures.py; with a 101-class I3DHead (4096 * 101 + 101) 78,409,573,
     * MMAction2's "78.4M".
     */
    private static final long C3D_PARAMETERS = 77_995_776L;

    /** baseChannels 2, fcWidth 8: pool5 of a 16 x 32 x 24 clip is 16 x 1 x 2 x 1 = 32. */
    private static final C3dConfig SMALL = new C3dConfig(2, 8, 32, 0.5, 0.005);

    /** Built (not run) once: 78M parameters take a while to initialise. */
    private static ComponentGraph fullSize;

    @BeforeAll
    static void buildFullSize() {
        fullSize = build(C3dConfig.DEFAULTS, 16, 112, 112);
    }

    /** The backbone built on a clip of {@code channels x t x h x w} (3 channels when not given). */
    private static ComponentGraph build(C3dConfig config, long... clip) {
        long[] dims = clip.length == 3 ? new long[] {1, 3, clip[0], clip[1], clip[2]}
                : new long[] {1, clip[0], clip[1], clip[2], clip[3]};
        return ComponentGraph.backbone(new C3dBackboneFactory().create(config), 0, TensorShape.of(dims));
    }

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    @Test
    void defaultSizesHaveMmaction2sParameterCount() {
        assertThat(fullSize.elementsOf(VariableType.VARIABLE)).isEqualTo(C3D_PARAMETERS);
        assertThat(C3D_PARAMETERS + 4096 * 101 + 101).isEqualTo(78_409_573L);
    }

    @Test
    void defaultOutputIsFc7sFeatureVector() {
        assertThat(fullSize.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 4096));
        assertThat(fullSize.output().variable().name()).isEqualTo("backbone/fc7.relu");
    }

    @Test
    void variablesAreNamedAsMmaction2NamesThem() {
        // ND4J's conv3d weight layout is kT, kH, kW, inC, outC; linear weights are in x out.
        assertThat(fullSize.variable("conv1a.conv.weight").getShape()).containsExactly(3, 3, 3, 3, 64);
        assertThat(fullSize.variable("conv1a.conv.bias").getShape()).containsExactly(64);
        assertThat(fullSize.variable("conv2a.conv.weight").getShape()).containsExactly(3, 3, 3, 64, 128);
        assertThat(fullSize.variable("conv3b.conv.weight").getShape()).containsExactly(3, 3, 3, 256, 256);
        assertThat(fullSize.variable("conv4a.conv.weight").getShape()).containsExactly(3, 3, 3, 256, 512);
        assertThat(fullSize.variable("conv5b.conv.bias").getShape()).containsExactly(512);
        assertThat(fullSize.variable("fc6.weight").getShape()).containsExactly(8192, 4096);
        assertThat(fullSize.variable("fc7.weight").getShape()).containsExactly(4096, 4096);
        assertThat(fullSize.variable("fc7.bias").getShape()).containsExactly(4096);
        // No norm by default: no batch-norm statistics at all.
        assertThat(fullSize.elementsOf(VariableType.CONSTANT)).isZero();
    }

    @Test
    void declaresTheShapeItProduces() {
        ComponentGraph graph = build(SMALL, 16, 32, 24);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 8));
        assertThat(graph.run(randomClip(2, 3, 16, 32, 24)).shape()).containsExactly(2, 8);
    }

    @Test
    void clipThatDoesNotFlattenToOutDimIsRejectedNamingFc6() {
        assertThatThrownBy(() -> build(SMALL, 16, 64, 24))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/fc6")
                .hasMessageContaining("outDim is 32")
                .hasMessageContaining("flattens to 48");
    }

    @Test
    void clipShorterThanSixteenFramesIsRejectedNamingThePool() {
        assertThatThrownBy(() -> build(SMALL, 8, 32, 24))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/pool5");
    }

    @Test
    void inputWithoutThreeChannelsIsRejectedNamingConv1a() {
        assertThatThrownBy(() -> build(SMALL, 2, 16, 32, 24))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv1a.conv");
    }
}
