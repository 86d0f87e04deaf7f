package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The optimizers' contract around the arithmetic: checked inputs, skipped parameters, state export and load. */
class OptimizerStateTest {

    private static final OptimizerConfig MOMENTUM_SGD = new OptimizerConfig("SGD", 0.1, 0.9, null, null, null, null);

    private final Map<String, INDArray> parameters = new HashMap<>(Map.of(
            "fc.weight", Nd4j.createFromArray(new float[][] {{1f, 2f}, {3f, 4f}}),
            "fc.bias", Nd4j.createFromArray(1f, -1f)));

    @Test
    void plainSgdStepIsParameterMinusLrTimesGradient() {
        Optimizer.create(OptimizerConfig.sgd(0.5)).step(parameters, Map.of("fc.bias", Nd4j.createFromArray(2f, 4f)), 0.25);

        assertThat(parameters.get("fc.bias").toFloatVector()).containsExactly(0.5f, -2f);
    }

    @Test
    void parameterWithoutGradientIsLeftAloneAndGetsNoState() {
        INDArray weightBefore = parameters.get("fc.weight").dup();
        Optimizer optimizer = Optimizer.create(OptimizerConfig.adamW(0.01));

        optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1f, 1f)), 0.01);

        assertThat(parameters.get("fc.weight")).isEqualTo(weightBefore);
        assertThat(optimizer.state()).containsOnlyKeys("fc.bias/exp_avg", "fc.bias/exp_avg_sq", "fc.bias/step");
        assertThat(optimizer.state().get("fc.bias/step").getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void wrongGradientsAreErrorsNamingTheParameterAndUpdateNothing() {
        Optimizer optimizer = Optimizer.create(MOMENTUM_SGD);
        INDArray biasBefore = parameters.get("fc.bias").dup();

        assertThatThrownBy(() -> optimizer.step(parameters, Map.of(
                "fc.bias", Nd4j.createFromArray(1f, 1f),
                "fc.weight", Nd4j.createFromArray(1f, 1f, 1f, 1f)), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: gradient of 'fc.weight' has shape [4], the parameter [2, 2]");
        assertThat(parameters.get("fc.bias")).isEqualTo(biasBefore);
        assertThat(optimizer.state()).isEmpty();

        assertThatThrownBy(() -> optimizer.step(parameters, Map.of("fc2.bias", Nd4j.createFromArray(1f, 1f)), 0.1))
                .hasMessage("SGD: gradient 'fc2.bias' has no parameter");
        assertThatThrownBy(() -> optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1.0, 1.0)), 0.1))
                .hasMessage("SGD: gradient of 'fc.bias' is DOUBLE, the parameter FLOAT");
        assertThatThrownBy(() -> optimizer.step(parameters, Map.of(), -0.1))
                .hasMessage("SGD: learning rate must be finite and >= 0, got -0.1");
    }

    @Test
    void exportedStateIsACopy() {
        Optimizer optimizer = Optimizer.create(MOMENTUM_SGD);
        optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1f, 2f)), 0.1);
        Map<String, INDArray> exported = optimizer.state();

        optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1f, 2f)), 0.1);

        assertThat(exported.get("fc.bias/momentum_buffer").toFloatVector()).containsExactly(1f, 2f);
        assertThat(optimizer.state().get("fc.bias/momentum_buffer").toFloatVector()).containsExactly(1.9f, 3.8f);
    }

    @Test
    void loadedStateIsCopiedAndUsed() {
        Optimizer optimizer = Optimizer.create(MOMENTUM_SGD);
        INDArray buffer = Nd4j.createFromArray(10f, 20f);
        optimizer.loadState(Map.of("fc.bias/momentum_buffer", buffer), parameters);
        buffer.assign(0);

        optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1f, 2f)), 1.0);

        // buf = 0.9 * [10, 20] + [1, 2] = [10, 20]; p = [1, -1] - 1.0 * buf
        assertThat(parameters.get("fc.bias").toFloatVector()).containsExactly(-9f, -21f);
    }

    @Test
    void badStateIsRefusedWithEveryProblemNamedAndNothingChanges() {
        Optimizer optimizer = Optimizer.create(OptimizerConfig.adamW(0.01));
        optimizer.step(parameters, Map.of("fc.bias", Nd4j.createFromArray(1f, 1f)), 0.01);
        Map<String, INDArray> before = optimizer.state();

        assertThatThrownBy(() -> optimizer.loadState(Map.of(
                "fc.bias/momentum_buffer", Nd4j.createFromArray(1f, 1f),
                "conv.weight/exp_avg", Nd4j.createFromArray(1f),
                "fc.weight/exp_avg", Nd4j.createFromArray(1f, 1f)), parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AdamW state does not fit: ")
                .hasMessageContaining("'conv.weight/exp_avg': the model has no parameter 'conv.weight'")
                .hasMessageContaining("'fc.bias/momentum_buffer': not a AdamW state entry (<parameter>/<slot>, "
                        + "slots [exp_avg, exp_avg_sq, step])")
                .hasMessageContaining("'fc.weight/exp_avg': shape [2], expected [2, 2]");
        assertThat(optimizer.state()).isEqualTo(before);

        assertThatThrownBy(() -> optimizer.loadState(Map.of(
                "fc.bias/exp_avg", Nd4j.createFromArray(1f, 1f)), parameters))
                .hasMessageContaining("'fc.bias' has [exp_avg] but lacks 'fc.bias/exp_avg_sq'");
        assertThatThrownBy(() -> optimizer.loadState(Map.of(
                "fc.bias/exp_avg", Nd4j.createFromArray(1f, 1f),
                "fc.bias/exp_avg_sq", Nd4j.createFromArray(1f, 1f),
                "fc.bias/step", Nd4j.scalar(DataType.FLOAT, 2.5)), parameters))
                .hasMessageContaining("'fc.bias/step' must be a whole number >= 1, got 2.5");
        assertThatThrownBy(() -> Optimizer.create(OptimizerConfig.sgd(0.1))
                .loadState(Map.of("fc.bias/momentum_buffer", Nd4j.createFromArray(1f, 1f)), parameters))
                .hasMessageContaining("'fc.bias/momentum_buffer': this SGD has no momentum (momentum 0)");
    }

    @Test
    void paramwiseDecayFollowsMmengine() {
        var multipliers = new ParamwiseConfig(0.5, 0.0).decayMultipliers(name -> name.startsWith("bn."));

        assertThat(multipliers.applyAsDouble("fc.bias")).isEqualTo(0.5);
        assertThat(multipliers.applyAsDouble("fc.weight")).isEqualTo(1.0);
        assertThat(multipliers.applyAsDouble("bn.bias")).isEqualTo(0.0);
        assertThat(multipliers.applyAsDouble("bn.weight")).isEqualTo(0.0);
        assertThat(ParamwiseConfig.NONE.decayMultipliers(name -> true).applyAsDouble("bn.weight")).isEqualTo(1.0);
    }
}
