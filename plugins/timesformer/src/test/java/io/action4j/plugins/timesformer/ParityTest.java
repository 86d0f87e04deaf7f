package io.action4j.plugins.timesformer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.RecognizerGraph;
import io.action4j.testing.TorchLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone and head with MMAction2's weights give MMAction2's output: small random models
 * from the PyTorch re-implementation in {@code parity/make_parity_fixtures.py}, two clips each.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    /** The fixtures' data tensors; the rest is the state dict, under MMAction2's keys. */
    private static final List<String> DATA = List.of("input", "features", "logits");

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"divided_space_time", "space_only", "joint_space_time"})
    void backboneAndHeadMatchThePyTorchReference(String attentionType) {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, attentionType);
        TimeSformerConfig backbone = bind(fixture.config(), TimeSformerConfig.DEFAULTS);
        TimeSformerHeadConfig head = bind(fixture.manifest().get("head"), TimeSformerHeadConfig.DEFAULTS);
        assertThat(backbone.attentionType()).isEqualTo(attentionType);
        RecognizerGraph graph = TimeSformerBackboneTest.model(backbone, head, -1);

        Set<String> loaded = graph.load(fixture.stateDict(DATA), ParityTest::toGraphLayout);
        Map<String, INDArray> outputs = graph.run(fixture.tensor("input"));
        // A second run must agree: SameDiff's array cache once fed a layer stale values on reruns.
        Map<String, INDArray> rerun = graph.run(fixture.tensor("input"));

        // Every parameter came from the reference, none kept its initial value. Trainable variables
        // only: the graph's constants include the token layers' repeat counts, which are no parameters.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames(VariableType.VARIABLE));
        for (String output : new String[] {"features", "logits"}) {
            INDArray expected = fixture.tensor(output);
            INDArray actual = outputs.get(output);
            assertThat(actual.shape()).as(output).containsExactly(expected.shape());
            double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
            System.out.printf("parity %-20s %-8s max |ours - reference| = %.3g (max |y| %.3g)%n", attentionType, output,
                    maxDiff, expected.amaxNumber().doubleValue());
            assertThat(maxDiff).as(output).isLessThanOrEqualTo(TOLERANCE);
            assertThat(rerun.get(output)).as(output + " on a second run").isEqualTo(actual);
            // A comparison of near-constant outputs would prove little.
            assertThat(expected.stdNumber().doubleValue()).as(output).isGreaterThan(0.1);
        }
    }

    /** The defaults with the fixture's keys set, bound the way a config file is. */
    private static <C extends Record> C bind(JsonNode keys, C defaults) {
        ObjectNode merged = JSON.valueToTree(defaults);
        merged.setAll((ObjectNode) keys);
        try {
            @SuppressWarnings("unchecked")
            C config = (C) JSON.treeToValue(merged, defaults.getClass());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MMAction2's layouts to the graph's: rank 4 (conv2d) permuted 2,3,1,0, rank 2 (linear) transposed. */
    private static INDArray toGraphLayout(INDArray torch) {
        return switch (torch.rank()) {
            case 4 -> TorchLayout.conv2dWeight(torch);
            case 2 -> TorchLayout.linearWeight(torch);
            default -> torch;
        };
    }
}
