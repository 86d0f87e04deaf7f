package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class S3dBackboneTest {

    /**
     * torchvision 0.14's s3d(num_classes=400) has 8,320,048 parameters (its weights' num_params),
     * of which classifier.1 (Conv3d 1024 -> 400, 1x1x1, bias) has 1024 * 400 + 400; counted with
     * {@code sum(p.numel() for p in s3d().features.parameters())} in /usr/bin/python3.
     */
    static final long S3D_PARAMETERS = 8_320_048L;
    static final long S3D_CLASSIFIER_PARAMETERS = 1024L * 400 + 400;
    /** {@code sum(b.numel() for k, b in s3d().features.state_dict().items() if "running" in k)}. */
    static final long S3D_RUNNING_STATISTICS = 21_216L;

    /** Output size of a convolution or pooling along one axis (floor rounding, as torch). */
    private static long slide(long size, int kernel, int stride, int padding) {
        return (size + 2L * padding - kernel) / stride + 1;
    }

    /** Time through the strided layers: the stem's (7, 1, 1) conv, MaxPool_4a, MaxPool_5a. */
    private static long featureTime(long t) {
        return slide(slide(slide(t, 7, 2, 3), 3, 2, 1), 2, 2, 0);
    }

    /** Height or width through the stem's (1, 7, 7) conv and the four max pools. */
    private static long featureSpace(long size) {
        long s = slide(size, 7, 2, 3);
        for (int pool = 0; pool < 3; pool++) {
            s = slide(s, 3, 2, 1);
        }
        return slide(s, 2, 2, 0);
    }

    /** The backbone built on clips of {@code channels x t x h x w}. */
    private static ComponentGraph backbone(S3dConfig config, long channels, long t, long h, long w) {
        return ComponentGraph.backbone(new S3dBackboneFactory().create(config), 0,
                TensorShape.of(1, channels, t, h, w));
    }

    private static INDArray randomClip(long... shape) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
    }

    @Test
    void defaultBackboneHasTorchvisionsParameterCountWithoutTheClassifier() {
        ComponentGraph graph = backbone(S3dConfig.DEFAULTS, 3, 8, 32, 32);

        assertThat(S3D_PARAMETERS - S3D_CLASSIFIER_PARAMETERS).isEqualTo(7_910_048L);
        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(S3D_PARAMETERS - S3D_CLASSIFIER_PARAMETERS);
        assertThat(graph.elementsOf(VariableType.CONSTANT)).isEqualTo(S3D_RUNNING_STATISTICS);
    }

    @Test
    void defaultBackboneDeclaresTheShapeItProduces() {
        ComponentGraph graph = backbone(S3dConfig.DEFAULTS, 3, 9, 64, 32);

        long t = featureTime(9);
        long h = featureSpace(64);
        long w = featureSpace(32);
        assertThat(new long[] {t, h, w}).containsExactly(1, 2, 1);
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 1024, t, h, w));

        INDArray output = graph.run(randomClip(1, 3, 9, 64, 32));

        assertThat(output.shape()).containsExactly(1, 1024, t, h, w);
    }

    @Test
    void reducedWidthsRunOnABatch() {
        ComponentGraph graph = backbone(new S3dConfig(3, 8), 3, 8, 32, 32);

        // Mixed_5c at a divisor of 8: 384/8 + 384/8 + 128/8 + 128/8 channels.
        assertThat(graph.output().shape()).hasToString("?x128x1x1x1");
        INDArray output = graph.run(randomClip(2, 3, 8, 32, 32));

        assertThat(output.shape()).containsExactly(2, 128, 1, 1, 1);
        for (float value : output.data().asFloat()) {
            assertThat(value).isFinite().isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void reluRunsAfterThePoolsAndConcatenationsThatFollowIt() {
        SameDiff sameDiff = backbone(S3dConfig.DEFAULTS, 3, 8, 32, 32).sameDiff();
        List<SameDiffOp> relus = sameDiff.getOps().values().stream()
                .filter(op -> op.getOp().opName().equals("relu")).toList();

        // torchvision's 77: five in the stem and Conv3d_2b/2c, eight per Inception block; here each
        // block's four branch ends share one ReLU after the concatenation: 5 + 9 * 5.
        assertThat(relus).hasSize(50);
        // A ReLU feeding only pools and concatenations would have run on more values than needed.
        for (SameDiffOp relu : relus) {
            List<String> consumers = sameDiff.getVariables().get(relu.getOutputsOfOp().get(0)).getInputsForOp();
            if (consumers != null && !consumers.isEmpty()) {
                assertThat(consumers).as(relu.getName())
                        .anySatisfy(consumer -> assertThat(sameDiff.getOps().get(consumer).getOp().opName())
                                .isNotIn("maxpool3dnew", "concat"));
            }
        }
    }

    @Test
    void variablesAreTorchvisionsStateDictKeysInNd4jLayouts() {
        ComponentGraph graph = backbone(S3dConfig.DEFAULTS, 3, 8, 32, 32);

        // torch (64, 3, 1, 7, 7) permuted 2, 3, 4, 1, 0.
        assertThat(graph.parameter("features.0.0.0.weight").shape()).containsExactly(1, 7, 7, 3, 64);
        assertThat(graph.parameter("features.0.1.0.weight").shape()).containsExactly(7, 1, 1, 64, 64);
        assertThat(graph.parameter("features.0.1.1.running_var").shape()).containsExactly(64);
        assertThat(graph.parameter("features.2.0.weight").shape()).containsExactly(1, 1, 1, 64, 64);
        assertThat(graph.parameter("features.3.0.0.weight").shape()).containsExactly(1, 3, 3, 64, 192);
        assertThat(graph.parameter("features.5.branch1.1.1.0.weight").shape()).containsExactly(3, 1, 1, 128, 128);
        assertThat(graph.parameter("features.15.branch3.1.0.weight").shape()).containsExactly(1, 1, 1, 832, 128);
        assertThat(graph.parameter("features.15.branch2.0.1.bias").shape()).containsExactly(48);
        // Pools have no parameters: the indices of torchvision's Sequential are kept all the same.
        assertThat(graph.sameDiff().variables()).noneMatch(v -> v.name().startsWith("backbone/features.13."));
        assertThat(graph.output().variable().name()).isEqualTo("backbone/features.15");
    }

    @Test
    void clipTooShortForMaxPool5aFailsNamingThatLayer() {
        assertThatThrownBy(() -> backbone(S3dConfig.DEFAULTS, 3, 1, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/features.13");
    }

    @Test
    void inputWithAnotherChannelCountThanInChannelsIsRejectedNamingTheFirstConv() {
        assertThatThrownBy(() -> backbone(new S3dConfig(2, 8), 3, 8, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/features.0.0.0")
                .hasMessageContaining("inChannels");
    }

    @Test
    void twoChannelInputBuildsATwoChannelFirstConv() {
        ComponentGraph graph = backbone(new S3dConfig(2, 8), 2, 8, 32, 32);

        assertThat(graph.parameter("features.0.0.0.weight").shape()).containsExactly(1, 7, 7, 2, 8);
        assertThat(graph.run(randomClip(1, 2, 8, 32, 32)).shape()).containsExactly(1, 128, 1, 1, 1);
    }
}
