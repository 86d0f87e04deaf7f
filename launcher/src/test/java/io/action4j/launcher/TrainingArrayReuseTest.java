package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.training.LossFunction;
import io.action4j.engine.training.TrainingGraph;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient function's intermediate arrays are handed from pass to pass. Whatever went through
 * the reused buffers before, a pass gives the same result bit for bit; and it gives what the same
 * pass gives with ND4J's own array handling, up to float32 summation order (measured: loss and
 * logits identical, gradients within 4e-6 of their largest value).
 */
class TrainingArrayReuseTest {

    private static final double RELATIVE_TOLERANCE = 1e-5;

    @Test
    void passesWithReusedArraysDoNotDependOnEarlierPasses() {
        ModelConfig config = ZooConfigs.model("synth/r2plus1d-small_synth.yaml", List.of());
        TensorShape shape = TensorShape.of(4, 3, 8, 28, 28);
        Nd4j.getRandom().setSeed(17);
        INDArray clip = Nd4j.rand(DataType.FLOAT, shape.dims()).subi(0.5);
        INDArray targets = Nd4j.eye(9).getRows(0, 3, 5, 8);
        try (TrainingGraph reference = TrainingGraph.build(config, shape, 5, LossFunction.CROSS_ENTROPY);
             TrainingGraph reusing = TrainingGraph.build(config, shape, 5, LossFunction.CROSS_ENTROPY)) {
            reference.model().reuseArrays(false);
            TrainingGraph.Pass expected = reference.forwardBackward(clip, targets, new SplittableRandom(1));
            TrainingGraph.Pass first = null;
            for (int round = 0; round < 3; round++) {
                // Another batch, of another size, through the same buffers first.
                int size = 2 + round;
                reusing.forwardBackward(Nd4j.rand(DataType.FLOAT, size, 3, 8, 28, 28),
                        Nd4j.eye(9).getRows(IntStream.range(0, size).toArray()), new SplittableRandom(9));
                TrainingGraph.Pass pass = reusing.forwardBackward(clip, targets, new SplittableRandom(1));
                if (first == null) {
                    first = pass;
                    continue;
                }
                assertThat(pass.loss()).isEqualTo(first.loss());
                assertSameBits(pass.logits(), first.logits(), "logits, round " + round);
                assertSameBits(pass.gradients(), first.gradients(), "round " + round);
                assertSameBits(pass.batchStatistics(), first.batchStatistics(), "round " + round);
            }

            assertThat(first.loss()).isEqualTo(expected.loss());
            assertSameBits(first.logits(), expected.logits(), "logits against ND4J's array handling");
            assertThat(first.gradients().keySet()).isEqualTo(expected.gradients().keySet());
            for (Map.Entry<String, INDArray> gradient : expected.gradients().entrySet()) {
                INDArray actual = first.gradients().get(gradient.getKey());
                double scale = gradient.getValue().amaxNumber().doubleValue();
                assertThat(actual.sub(gradient.getValue()).amaxNumber().doubleValue())
                        .as("gradient of %s against ND4J's array handling", gradient.getKey())
                        .isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale);
            }
        }
    }

    private static void assertSameBits(Map<String, INDArray> actual, Map<String, INDArray> expected, String what) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, array) -> assertSameBits(array, expected.get(name), name + ", " + what));
    }

    private static void assertSameBits(INDArray actual, INDArray expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        assertThat(actual.dup('c').data().asFloat()).as(what).containsExactly(expected.dup('c').data().asFloat());
    }
}
