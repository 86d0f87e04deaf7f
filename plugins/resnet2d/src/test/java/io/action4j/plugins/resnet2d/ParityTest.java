package io.action4j.plugins.resnet2d;

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
 * The backbone with the reference's weights gives the reference's output: small torchvision
 * ResNets (with MMAction2's temporal shift for TSM) built by {@code parity/make_parity_fixtures.py},
 * random weights and random batch-norm statistics, two videos per batch.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final String HEAD_PREFIX = "cls_head.";

    @ParameterizedTest
    @ValueSource(strings = {"tsn_r50", "tsn_r18", "tsm_r50", "tsm_r18"})
    void backboneAndTsnConsensusMatchTheReference(String variant) {
        ParityFixture fixture = ParityFixture.load(variant);
        INDArray input = fixture.tensor("input");
        long[] in = input.shape();
        BackboneGraph graph = BackboneGraph.build(fixture.config(), in[1], in[2], in[3], in[4]);

        Set<String> loaded = loadBackbone(graph, fixture.stateDict());
        INDArray features = graph.run(input);

        // Every parameter and running statistic came from the checkpoint, under MMAction2's key.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(parametersAndBuffers(graph));
        INDArray expected = fixture.tensor("features");
        assertThat(features.shape()).containsExactly(expected.shape());
        double featuresDiff = features.sub(expected).amaxNumber().doubleValue();
        // TSN's head on these features: pool each segment, average the segments, classify. Its own
        // graph is tested in recognition-heads; here it shows the features feed it as MMAction2's do.
        INDArray logits = features.mean(2, 3, 4).mmul(fixture.tensor(HEAD_PREFIX + "fc_cls.weight").transpose())
                .addiRowVector(fixture.tensor(HEAD_PREFIX + "fc_cls.bias"));
        double logitsDiff = logits.sub(fixture.tensor("logits")).amaxNumber().doubleValue();
        System.out.printf("parity %-8s max |ours - reference|: features %.3g (max |y| %.3g), logits %.3g%n", variant,
                featuresDiff, expected.amaxNumber().doubleValue(), logitsDiff);
        assertThat(featuresDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(logitsDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected.stdNumber().doubleValue()).as("a comparison of near-zero outputs proves little")
                .isGreaterThan(0.1);
    }

    /** Sets the backbone's arrays from an MMAction2-keyed checkpoint; returns the graph names set. */
    private static Set<String> loadBackbone(BackboneGraph graph, Map<String, INDArray> checkpoint) {
        Set<String> loaded = new HashSet<>();
        checkpoint.forEach((key, value) -> {
            if (key.startsWith(HEAD_PREFIX)) {
                return;
            }
            String name = key.replaceFirst("^backbone\\.", BackboneGraph.PARAMETER_SCOPE);
            SDVariable variable = graph.sameDiff().getVariable(name);
            assertThat(variable).as("graph variable for checkpoint key %s", key).isNotNull();
            // torch conv2d weights are out, in, kH, kW; ND4J's are kH, kW, in, out.
            INDArray array = value.rank() == 4 ? value.permute(2, 3, 1, 0).dup('c') : value;
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        return loaded;
    }

    private static Set<String> parametersAndBuffers(BackboneGraph graph) {
        Set<String> names = new HashSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                names.add(variable.name());
            }
        }
        return names;
    }
}
