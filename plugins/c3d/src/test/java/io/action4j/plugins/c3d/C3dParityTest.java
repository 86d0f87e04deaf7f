package io.action4j.plugins.c3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: a small C3D from the
 * MMAction2 transcription in {@code parity/make_parity_fixtures.py}, random weights and biases.
 */
class C3dParityTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void backboneMatchesMmaction2sC3d() {
        ParityFixture fixture = ParityFixture.resource(C3dParityTest.class, "c3d");
        C3dConfig config = new C3dConfig(fixture.config().get("baseChannels").asInt(),
                fixture.config().get("fcWidth").asInt(), fixture.config().get("outDim").asInt(),
                C3dConfig.DEFAULTS.dropoutRatio(), C3dConfig.DEFAULTS.initStd());
        INDArray input = fixture.tensor("input");
        INDArray expected = fixture.tensor("output");
        ComponentGraph graph = ComponentGraph.backbone(new C3dBackboneFactory().create(config), 0,
                TensorShape.of(input.shape()));

        Set<String> loaded = graph.load(fixture.stateDict(List.of("input", "output")), TorchLayout::conv3dNetwork);
        INDArray output = graph.run(input);

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        assertThat(output.shape()).containsExactly(expected.shape());
        double maxDiff = output.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity c3d max |ours - reference| = %.3g (output max |y| %.3g)%n", maxDiff,
                expected.amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        // A comparison of near-zero outputs would prove little.
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }
}
