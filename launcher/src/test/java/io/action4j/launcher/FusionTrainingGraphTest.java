package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.training.LossFunction;
import io.action4j.engine.training.TrainingGraph;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fusion family trains: each model's training graph (batch norms on batch statistics, dropout masks) gives a
 * finite loss and a finite, non-zero gradient for every trainable parameter, the LSTM's unrolled steps and each
 * two-stream fusion's own layers included.
 */
class FusionTrainingGraphTest {

    static Stream<Arguments> models() {
        String twoStream = "synth/two-stream-conv-fusion-r18-small_synth.yaml";
        return Stream.of(
                Arguments.of("synth/early-fusion-r18-small_synth.yaml", "3x3x8x28x28", List.of()),
                Arguments.of("synth/late-fusion-r18-small_synth.yaml", "3x3x8x28x28", List.of()),
                Arguments.of("synth/slow-fusion-small_synth.yaml", "3x3x8x28x28", List.of()),
                Arguments.of("synth/cnn-lstm-r18-small_synth.yaml", "3x3x8x28x28", List.of()),
                Arguments.of("synth/cnn-lstm-r18-small_synth.yaml", "3x3x8x28x28", List.of("model.backbone.output=last")),
                Arguments.of("synth/conv-pooling-r18-small_synth.yaml", "3x3x8x28x28", List.of()),
                Arguments.of(twoStream, "3x6x7x28x28", List.of()),
                Arguments.of(twoStream, "3x6x6x28x28", List.of("model.backbone.fusion=sum", "model.backbone.fuseAfter=2",
                        "model.backbone.stackFrames=3")),
                Arguments.of(twoStream, "3x6x7x28x28", List.of("model.backbone.fusion=max", "model.backbone.fuseAfter=3")),
                Arguments.of(twoStream, "3x6x7x28x28", List.of("model.backbone.fusion=concat", "model.backbone.fuseAfter=1")),
                Arguments.of(twoStream, "3x6x7x28x28", List.of("model.backbone.fusion=bilinear")),
                Arguments.of(twoStream, "3x6x6x28x28", List.of("model.backbone.fusion=conv3d", "model.backbone.fuseAfter=3",
                        "model.backbone.stackFrames=2")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("models")
    void everyParameterGetsAFiniteNonZeroGradient(String config, String input, List<String> overrides) {
        ModelConfig model = ZooConfigs.model(config, overrides);
        TensorShape shape = TensorShape.parse(input);
        Nd4j.getRandom().setSeed(11);
        INDArray clip = Nd4j.rand(DataType.FLOAT, shape.dims()).subi(0.5).muli(2);
        INDArray targets = Nd4j.eye(9).getRows(0, 4, 8);
        try (TrainingGraph graph = TrainingGraph.build(model, shape, 3, LossFunction.CROSS_ENTROPY)) {
            TrainingGraph.Pass pass = graph.forwardBackward(clip, targets, new SplittableRandom(2));

            assertThat(pass.loss()).isFinite().isPositive();
            assertThat(pass.gradients().keySet()).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
            pass.gradients().forEach((name, gradient) -> {
                double largest = gradient.amaxNumber().doubleValue();
                assertThat(largest).as("largest |gradient| of %s", name).isFinite().isGreaterThan(0);
            });
        }
    }
}
