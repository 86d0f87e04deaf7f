package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The full-size ir- or ip-CSN-152 against the reference, on request only (it is large and slow):
 * {@code make_parity_fixtures.py --full ir --out DIR} writes {@code DIR/backbone.bin/.json}, then
 * {@code mvn -q -B -o -pl plugins/csn test -Dtest=FullSizeParityTest -Dcsn.fullFixture=DIR}.
 */
@EnabledIfSystemProperty(named = "csn.fullFixture", matches = ".+")
class FullSizeParityTest {

    @Test
    void fullSizeBackboneMatchesTheReference() {
        ParityFixture fixture = ParityFixture.file(Path.of(System.getProperty("csn.fullFixture")), "backbone");
        INDArray input = fixture.tensor("input");
        INDArray expected = fixture.tensor("output");
        long[] in = input.shape();
        ComponentGraph graph = ParityTest.build(fixture);

        Set<String> loaded = ParityTest.load(graph, fixture);
        long start = System.nanoTime();
        INDArray output = graph.run(input);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        assertThat(output.shape()).containsExactly(expected.shape());
        double maxDiff = output.sub(expected).amaxNumber().doubleValue();
        double maxAbs = expected.amaxNumber().doubleValue();
        System.out.printf("full-size parity %s (%s, input %s): max |ours - reference| = %.3g, output max |y| %.3g, "
                        + "first run %d ms%n", fixture.name(), fixture.config(), Arrays.toString(in), maxDiff, maxAbs,
                millis);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-4 * Math.max(1, maxAbs));
    }
}
