package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;

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
        TorchFixture fixture = TorchFixture.load(Path.of(System.getProperty("csn.fullFixture")), "backbone");
        long[] in = fixture.input().shape();
        BackboneGraph graph = BackboneGraph.build(fixture.csnConfig(), in[1], in[2], in[3], in[4]);

        Set<String> loaded = ParityTest.load(graph, fixture.stateDict());
        long start = System.nanoTime();
        INDArray output = graph.run(fixture.input());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(ParityTest.parametersAndBuffers(graph));
        assertThat(output.shape()).containsExactly(fixture.output().shape());
        double maxDiff = output.sub(fixture.output()).amaxNumber().doubleValue();
        double maxAbs = fixture.output().amaxNumber().doubleValue();
        System.out.printf("full-size parity %s (%s, input %s): max |ours - reference| = %.3g, output max |y| %.3g, "
                        + "first run %d ms%n", fixture.variant(), fixture.config(), Arrays.toString(in), maxDiff, maxAbs, millis);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-4 * Math.max(1, maxAbs));
    }
}
