package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD and AdamW against torch.optim on the committed fixture: five steps with a different lr each,
 * one parameter without a gradient at step 3, and the state PyTorch holds afterwards.
 */
class OptimizerParityTest {

    // float32 arithmetic in a different order than PyTorch's: a few units in the last place.
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-7;

    static Stream<String> cases() {
        return TrainingFixtures.names("optimizers").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepMatchesPyTorch(String name) {
        JsonNode fixture = TrainingFixtures.find("optimizers", name);
        Map<String, INDArray> parameters = TrainingFixtures.tensors(fixture.get("params"));
        Optimizer optimizer = optimizerFor(fixture);

        for (int step = 0; step < fixture.get("lrs").size(); step++) {
            optimizer.step(parameters, gradients(fixture, step, parameters), fixture.get("lrs").get(step).asDouble());
            assertClose(parameters, TrainingFixtures.valuesLike(fixture.get("expected").get(step), parameters),
                    name + " after step " + (step + 1));
        }
        Map<String, INDArray> expectedState = TrainingFixtures.tensors(fixture.get("state"));
        Map<String, INDArray> state = optimizer.state();
        assertThat(state.keySet()).containsExactlyInAnyOrderElementsOf(expectedState.keySet());
        assertClose(state, expectedState, name + " state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resumingFromExportedStateEqualsUninterruptedTraining(String name) {
        JsonNode fixture = TrainingFixtures.find("optimizers", name);
        Map<String, INDArray> parameters = TrainingFixtures.tensors(fixture.get("params"));
        Optimizer first = optimizerFor(fixture);
        for (int step = 0; step < 3; step++) {
            first.step(parameters, gradients(fixture, step, parameters), fixture.get("lrs").get(step).asDouble());
        }
        Map<String, INDArray> saved = first.state();

        Optimizer resumed = optimizerFor(fixture);
        resumed.loadState(saved, parameters);
        for (int step = 3; step < fixture.get("lrs").size(); step++) {
            resumed.step(parameters, gradients(fixture, step, parameters), fixture.get("lrs").get(step).asDouble());
        }
        int last = fixture.get("lrs").size() - 1;
        assertClose(parameters, TrainingFixtures.valuesLike(fixture.get("expected").get(last), parameters),
                name + " resumed after step 3");
    }

    static Optimizer optimizerFor(JsonNode fixture) {
        OptimizerConfig config = TrainingFixtures.bind(fixture.get("optimizer"), OptimizerConfig.class);
        List<String> exempt = new ArrayList<>();
        fixture.get("decayExempt").forEach(node -> exempt.add(node.asText()));
        if (exempt.isEmpty()) {
            return Optimizer.create(config);
        }
        // The fixture's no-decay group is paramwiseCfg {biasDecayMult: 0, normDecayMult: 0} with bn.* as norm layers.
        ToDoubleFunction<String> multipliers = new ParamwiseConfig(0.0, 0.0).decayMultipliers(n -> n.startsWith("bn."));
        assertThat(exempt).allSatisfy(n -> assertThat(multipliers.applyAsDouble(n)).isZero());
        return Optimizer.create(config, multipliers);
    }

    static Map<String, INDArray> gradients(JsonNode fixture, int step, Map<String, INDArray> parameters) {
        return TrainingFixtures.valuesLike(fixture.get("grads").get(step), parameters);
    }

    static void assertClose(Map<String, INDArray> actual, Map<String, INDArray> expected, String what) {
        for (Map.Entry<String, INDArray> entry : expected.entrySet()) {
            INDArray got = actual.get(entry.getKey());
            assertThat(got).as(what + ": " + entry.getKey()).isNotNull();
            assertThat(got.shape()).as(what + ": shape of " + entry.getKey()).containsExactly(entry.getValue().shape());
            double[] a = got.dup().data().asDouble();
            double[] e = entry.getValue().dup().data().asDouble();
            for (int i = 0; i < e.length; i++) {
                assertThat(Math.abs(a[i] - e[i])).as(what + ": " + entry.getKey() + "[" + i + "] = " + a[i]
                        + ", PyTorch " + e[i]).isLessThanOrEqualTo(RELATIVE * Math.abs(e[i]) + ABSOLUTE);
            }
        }
    }
}
