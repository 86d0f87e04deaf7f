package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * cnn_lstm's LSTM with torch.nn.LSTM's weights gives its hidden states, every step, to 1e-5
 * ({@code parity/make_lstm_fixture.py}: torch's own initialisation, 3 sequences of 4 steps).
 */
class LstmParityTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void hiddenStatesMatchTorchsLstm() {
        ParityFixture fixture = ParityFixture.resource(LstmParityTest.class, "lstm");
        INDArray input = fixture.tensor("input");
        int steps = Math.toIntExact(input.size(1));
        int inputSize = fixture.manifest().get("inputSize").asInt();
        int hidden = fixture.manifest().get("hiddenSize").asInt();
        ComponentGraph graph = ComponentGraph.build(ComponentGraph.BACKBONE, 0, TensorShape.of(input.shape()),
                (builder, sequence) -> {
                    var states = new Lstm(builder, "lstm", hidden).run(sequence.variable(), steps, inputSize);
                    var stacked = builder.sameDiff().stack("hidden", 1, states);
                    return new Feature(stacked, TensorShape.of(-1, steps, hidden));
                });

        // torch's [4H, in] and [4H, H] weights transposed, as the checkpoint loader does every rank-2 weight.
        Set<String> loaded = graph.load(fixture.stateDict(List.of("input", "hidden", "last")),
                tensor -> tensor.rank() == 2 ? TorchLayout.linearWeight(tensor) : tensor);
        INDArray states = graph.run(input);

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames(
                org.nd4j.autodiff.samediff.VariableType.VARIABLE));
        INDArray expected = fixture.tensor("hidden");
        assertThat(states.shape()).containsExactly(expected.shape());
        double difference = states.sub(expected).amaxNumber().doubleValue();
        INDArray last = states.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(steps - 1), org.nd4j.linalg.indexing.NDArrayIndex.all());
        System.out.printf("lstm parity: max |ours - torch| %.3g (max |h| %.3g)%n", difference,
                expected.amaxNumber().doubleValue());
        assertThat(difference).isLessThanOrEqualTo(TOLERANCE);
        assertThat(last.sub(fixture.tensor("last")).amaxNumber().doubleValue()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.05);
    }
}
