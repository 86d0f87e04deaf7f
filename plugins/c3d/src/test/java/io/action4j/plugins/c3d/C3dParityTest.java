package io.action4j.plugins.c3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: a small C3D from the
 * MMAction2 transcription in {@code parity/make_parity_fixtures.py}, random weights and biases.
 */
class C3dParityTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void backboneMatchesMmaction2sC3d() {
        TorchFixture fixture = TorchFixture.load("c3d");
        C3dConfig config = new C3dConfig(fixture.config().get("baseChannels").asInt(),
                fixture.config().get("fcWidth").asInt(), fixture.config().get("outDim").asInt(),
                C3dConfig.DEFAULTS.dropoutRatio(), C3dConfig.DEFAULTS.initStd());
        long[] in = fixture.input().shape();
        C3dGraph graph = C3dGraph.build(config, in[1], in[2], in[3], in[4]);

        Set<String> loaded = new HashSet<>();
        fixture.stateDict().forEach((key, value) -> {
            SDVariable variable = graph.variable(key);
            variable.setArray(toNd4jLayout(value));
            loaded.add(variable.name());
        });
        INDArray output = graph.run(fixture.input());

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(parameters(graph));
        assertThat(output.shape()).containsExactly(fixture.output().shape());
        double maxDiff = output.sub(fixture.output()).amaxNumber().doubleValue();
        System.out.printf("parity c3d max |ours - reference| = %.3g (output max |y| %.3g)%n", maxDiff,
                fixture.output().amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        // A comparison of near-zero outputs would prove little.
        assertThat(fixture.output().stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    /** torch conv3d [out, in, kT, kH, kW] to [kT, kH, kW, in, out]; torch linear [out, in] to [in, out]. */
    private static INDArray toNd4jLayout(INDArray torch) {
        return switch (torch.rank()) {
            case 5 -> torch.permute(2, 3, 4, 1, 0).dup('c');
            case 2 -> torch.transpose().dup('c');
            default -> torch;
        };
    }

    private static Set<String> parameters(C3dGraph graph) {
        Set<String> names = new HashSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                names.add(variable.name());
            }
        }
        return names;
    }
}
