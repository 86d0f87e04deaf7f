package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Against {@code torch.nn.utils.clip_grad_norm_} on the committed fixture. */
class GradientClippingTest {

    static Stream<String> cases() {
        return TrainingFixtures.names("clipping").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void totalNormAndClippedGradientsMatchPyTorch(String name) {
        JsonNode fixture = TrainingFixtures.find("clipping", name);
        JsonNode clip = fixture.get("clipGrad");
        double normType = clip.get("normType").isTextual() ? Double.POSITIVE_INFINITY : clip.get("normType").asDouble();
        Map<String, INDArray> gradients = TrainingFixtures.tensors(fixture.get("grads"));
        Map<String, INDArray> before = TrainingFixtures.tensors(fixture.get("grads"));

        double maxNorm = clip.get("maxNorm").asDouble();
        double total = Double.isInfinite(normType) ? GradientClipping.clip(gradients.values(), maxNorm, normType)
                : GradientClipping.clip(gradients.values(), new ClipGradConfig(maxNorm, normType));

        double expectedTotal = fixture.get("totalNorm").asDouble();
        assertThat(total).isCloseTo(expectedTotal, within(1e-6 * expectedTotal));
        OptimizerParityTest.assertClose(gradients, TrainingFixtures.valuesLike(fixture.get("clipped"), gradients), name);
        if (expectedTotal < clip.get("maxNorm").asDouble()) {
            assertThat(gradients).isEqualTo(before);
        } else {
            assertThat(GradientClipping.totalNorm(gradients.values(), normType))
                    .isCloseTo(clip.get("maxNorm").asDouble(), within(1e-5));
        }
    }

    @Test
    void noGradientsHaveNormZero() {
        assertThat(GradientClipping.clip(List.of(), 1.0, 2.0)).isZero();
    }

    @Test
    void otherNormTypesArePNorms() {
        INDArray a = Nd4j.createFromArray(3f, -4f);
        INDArray b = Nd4j.createFromArray(new float[][] {{1f}, {2f}});

        // (3^3 + 4^3 + 1 + 2^3)^(1/3) = 100^(1/3)
        assertThat(GradientClipping.totalNorm(List.of(a, b), 3.0)).isCloseTo(Math.cbrt(100), within(1e-9));
        assertThat(GradientClipping.totalNorm(List.of(a, b), 2.0)).isCloseTo(Math.sqrt(30), within(1e-6));
    }

    @Test
    void nonFiniteNormScalesLikePyTorch() {
        INDArray gradient = Nd4j.createFromArray(Float.NaN, 1f);

        double total = GradientClipping.clip(List.of(gradient), 1.0, 2.0);

        assertThat(total).isNaN();
        assertThat(gradient.getFloat(1)).isNaN();
        assertThat(gradient.dataType()).isEqualTo(DataType.FLOAT);
    }
}
