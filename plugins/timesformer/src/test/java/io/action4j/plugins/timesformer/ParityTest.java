package io.action4j.plugins.timesformer;

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
 * The backbone and head with MMAction2's weights give MMAction2's output: small random models
 * from the PyTorch re-implementation in {@code parity/make_parity_fixtures.py}, two clips each.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"divided_space_time", "space_only", "joint_space_time"})
    void backboneAndHeadMatchThePyTorchReference(String attentionType) {
        TorchFixture fixture = TorchFixture.load(attentionType);
        assertThat(fixture.backbone().attentionType()).isEqualTo(attentionType);
        ModelGraph graph = ModelGraph.build(fixture.backbone(), fixture.head(), -1);

        Set<String> loaded = load(graph, fixture.stateDict());
        Map<String, INDArray> outputs = graph.run(fixture.tensor("input"));
        // A second run must agree: SameDiff's array cache once fed a layer stale values on reruns.
        Map<String, INDArray> rerun = graph.run(fixture.tensor("input"));

        // Every parameter came from the reference, none kept its initial value.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(parameters(graph));
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

    /**
     * Sets the graph's arrays from the state dict as a checkpoint loader does: {@code backbone.x}
     * to {@code backbone/x}; rank 4 (conv2d) permuted 2,3,1,0, rank 2 (linear) transposed.
     */
    private static Set<String> load(ModelGraph graph, Map<String, INDArray> stateDict) {
        Set<String> loaded = new HashSet<>();
        stateDict.forEach((key, value) -> {
            String name = key.replaceFirst("\\.", "/");
            SDVariable variable = graph.sameDiff().getVariable(name);
            assertThat(variable).as("graph variable for %s", key).isNotNull();
            INDArray array = switch (value.rank()) {
                case 4 -> value.permute(2, 3, 1, 0).dup('c');
                case 2 -> value.transpose().dup('c');
                default -> value;
            };
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        return loaded;
    }

    private static Set<String> parameters(ModelGraph graph) {
        Set<String> names = new HashSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                names.add(variable.name());
            }
        }
        return names;
    }
}
