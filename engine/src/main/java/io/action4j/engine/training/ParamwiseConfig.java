package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigValueException;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * MMAction2's {@code optim_wrapper.paramwise_cfg}, the weight-decay part of mmengine's
 * {@code DefaultOptimWrapperConstructor}: the optimizer's weight decay times a multiplier for
 * biases and for normalization layers' parameters. A multiplier left out (null) changes nothing.
 *
 * @param biasDecayMult for a parameter named {@code bias} that is not in a normalization layer
 * @param normDecayMult for the weight and bias of a normalization layer (batch, group, layer norm)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParamwiseConfig(Double biasDecayMult, Double normDecayMult) {

    public static final ParamwiseConfig NONE = new ParamwiseConfig(null, null);

    public ParamwiseConfig {
        check("biasDecayMult", biasDecayMult);
        check("normDecayMult", normDecayMult);
    }

    /**
     * The weight-decay multiplier of each parameter, by its graph name ({@code layer1.0.bn1.bias}).
     * Which parameters belong to normalization layers only the model knows, hence the predicate;
     * mmengine checks the norm case first, so a norm layer's bias takes {@code normDecayMult}.
     */
    public ToDoubleFunction<String> decayMultipliers(Predicate<String> isNormParameter) {
        return name -> {
            if (isNormParameter.test(name)) {
                return normDecayMult == null ? 1.0 : normDecayMult;
            }
            if (biasDecayMult != null && (name.equals("bias") || name.endsWith(".bias"))) {
                return biasDecayMult;
            }
            return 1.0;
        };
    }

    private static void check(String key, Double value) {
        if (value != null && !(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new ConfigValueException(key, "must be a finite number >= 0, got " + value);
        }
    }
}
