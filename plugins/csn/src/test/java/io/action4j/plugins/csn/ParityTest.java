package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, variant);
        INDArray input = fixture.tensor("input");
        INDArray expected = fixture.tensor("output");
        ComponentGraph graph = build(fixture);

        Set<String> loaded = load(graph, fixture);
        INDArray output = graph.run(input);

        // Every parameter and running statistic came from the reference, none kept its initial value.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        assertThat(graph.output().shape().dims()).containsExactly(-1, expected.shape()[1],
                expected.shape()[2], expected.shape()[3], expected.shape()[4]);
        assertThat(output.shape()).containsExactly(expected.shape());
        double maxDiff = output.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity %-8s max |ours - reference| = %.3g (output max |y| %.3g)%n", variant, maxDiff,
                expected.amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    /** The fixture's network, built on an input of the fixture's input shape. */
    static ComponentGraph build(ParityFixture fixture) {
        return ComponentGraph.backbone(new CsnBackboneFactory().create(FixtureConfigs.csnConfig(fixture)), 0,
                TensorShape.of(fixture.tensor("input").shape()));
    }

    /**
     * Sets the graph's arrays from the fixture's state dict, whose keys are MMAction2's names and so
     * the backbone's own; returns the graph names it set.
     */
    static Set<String> load(ComponentGraph graph, ParityFixture fixture) {
        String names = fixture.manifest().path("names").asText();
        if (!"mmaction2".equals(names)) {
            throw new IllegalStateException(fixture.name() + ": expected MMAction2 names, got '" + names + "'");
        }
        // Every torch conv3d weight, dense [out, in, kT, kH, kW] or depthwise [C, 1, kT, kH, kW],
        // is permuted 2, 3, 4, 1, 0: ND4J's [kT, kH, kW, in, out], the depthwise helper's [kT, kH, kW, 1, C].
        return graph.load(fixture.stateDict(List.of("input", "output")), TorchLayout::conv3dNetwork);
    }
}
