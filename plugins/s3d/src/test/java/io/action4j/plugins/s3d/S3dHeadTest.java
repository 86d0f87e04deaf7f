package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.RecognizerGraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class S3dHeadTest {

    /** The head built on features of {@code channels x t x h x w}. */
    private static ComponentGraph head(S3dHeadConfig config, long channels, long t, long h, long w) {
        return ComponentGraph.head(new S3dHeadFactory().create(config), 0, TensorShape.of(1, channels, t, h, w));
    }

    @Test
    void defaultHeadHasTorchvisionsClassifierParameters() {
        ComponentGraph graph = head(S3dHeadConfig.DEFAULTS, 1024, 2, 7, 7);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(S3dBackboneTest.S3D_CLASSIFIER_PARAMETERS);
        assertThat(graph.parameter("classifier.1.weight").shape()).containsExactly(1, 1, 1, 1024, 400);
        assertThat(graph.parameter("classifier.1.bias").shape()).containsExactly(400);
    }

    @Test
    void backboneAndHeadTogetherHaveTorchvisionsParameterCount() {
        RecognizerGraph graph = RecognizerGraph.build(new S3dBackboneFactory().create(S3dConfig.DEFAULTS),
                new S3dHeadFactory().create(S3dHeadConfig.DEFAULTS), 0, TensorShape.of(1, 3, 16, 224, 224));

        assertThat(graph.parameterCount()).isEqualTo(S3dBackboneTest.S3D_PARAMETERS);
        assertThat(graph.head().output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 400));
    }

    @Test
    void headDeclaresTheShapeItProduces() {
        ComponentGraph graph = head(S3dHeadConfig.DEFAULTS, 1024, 4, 8, 7);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 400));
        INDArray logits = graph.run(Nd4j.rand(DataType.FLOAT, 2, 1024, 4, 8, 7));

        assertThat(logits.shape()).containsExactly(2, 400);
    }

    /** Windows (a, b) and (b, c) of a 3-step clip: the middle step counts twice, as in torchvision. */
    @Test
    void strideOnePoolThenMeanWeightsInnerPositionsTwice() {
        ComponentGraph graph = head(new S3dHeadConfig(1, List.of(2, 1, 1)), 1, 3, 1, 1);
        graph.parameter("classifier.1.weight").assign(1);
        graph.parameter("classifier.1.bias").assign(0.5);

        INDArray logits = graph.run(Nd4j.create(new float[] {1, 2, 7}, new long[] {1, 1, 3, 1, 1}, 'c'));

        assertThat(logits.getDouble(0, 0)).isCloseTo((1 + 2 * 2 + 7) / 4.0 + 0.5, within(1e-6));
    }

    /** Where features are exactly the kernel's size, the head is global average pooling then linear. */
    @Test
    void onFeaturesOfTheKernelsSizeTheHeadIsGlobalMeanThenLinear() {
        ComponentGraph graph = head(new S3dHeadConfig(5, List.of(2, 7, 7)), 8, 2, 7, 7);
        Nd4j.getRandom().setSeed(7);
        INDArray features = Nd4j.rand(DataType.FLOAT, 2, 8, 2, 7, 7);
        INDArray weight = graph.parameter("classifier.1.weight").reshape(8, 5);
        graph.parameter("classifier.1.bias").assign(Nd4j.linspace(DataType.FLOAT, 1, 5, 5));

        INDArray logits = graph.run(features);

        INDArray expected = features.mean(2, 3, 4).mmul(weight).addRowVector(graph.parameter("classifier.1.bias"));
        assertThat(logits.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void featuresSmallerThanThePoolKernelFailNamingTheLayer() {
        assertThatThrownBy(() -> head(S3dHeadConfig.DEFAULTS, 1024, 2, 4, 4))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("cls_head/avgpool")
                .hasMessageContaining("pooling kernel 7 is larger than the padded input height 4");
    }
}
