package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: small ir- and ip-CSNs
 * (width 4, one block per stage) from the transcription of MMAction2's ResNet3dCSN in
 * {@code parity/make_parity_fixtures.py}, random weights and random batch-norm statistics.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"csn_ir", "csn_ip"})
    void backboneMatchesTheReference(String variant) {
        TorchFixture fixture = TorchFixture.load(variant);
        long[] in = fixture.input().shape();
        BackboneGraph graph = BackboneGraph.build(fixture.csnConfig(), in[1], in[2], in[3], in[4]);

        Set<String> loaded = load(graph, fixture.stateDict());
        INDArray output = graph.run(fixture.input());

        // Every parameter and running statistic came from the reference, none kept its initial value.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(parametersAndBuffers(graph));
        assertThat(graph.output().shape().dims()).containsExactly(-1, fixture.output().shape()[1],
                fixture.output().shape()[2], fixture.output().shape()[3], fixture.output().shape()[4]);
        assertThat(output.shape()).containsExactly(fixture.output().shape());
        double maxDiff = output.sub(fixture.output()).amaxNumber().doubleValue();
        System.out.printf("parity %-8s max |ours - reference| = %.3g (output max |y| %.3g)%n", variant, maxDiff,
                fixture.output().amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(fixture.output().stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    /** Sets the graph's arrays from the reference's state dict; returns the graph names it set. */
    static Set<String> load(BackboneGraph graph, Map<String, INDArray> stateDict) {
        Set<String> loaded = new HashSet<>();
        stateDict.forEach((key, value) -> {
            String name = BackboneGraph.PARAMETER_SCOPE + key;
            SDVariable variable = graph.sameDiff().getVariable(name);
            assertThat(variable).as("graph variable for the reference's %s", key).isNotNull();
            // Every torch conv3d weight, dense [out, in, kT, kH, kW] or depthwise [C, 1, kT, kH, kW],
            // is permuted 2, 3, 4, 1, 0: ND4J's [kT, kH, kW, in, out], the depthwise helper's [kT, kH, kW, 1, C].
            INDArray array = value.rank() == 5 ? value.permute(2, 3, 4, 1, 0).dup('c') : value;
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        return loaded;
    }

    static Set<String> parametersAndBuffers(BackboneGraph graph) {
        Set<String> names = new HashSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                names.add(variable.name());
            }
        }
        return names;
    }
}
