package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * MMAction2's {@code optim_wrapper.clip_grad}: clip the gradients' global norm before each
 * optimizer step, as {@code torch.nn.utils.clip_grad_norm_} (see {@link GradientClipping}).
 *
 * @param maxNorm the largest total norm left unscaled; required, positive (MMAction2's configs use 40)
 * @param normType the p of the p-norm, default 2; a positive finite number (the YAML reader takes
 *     no {@code .inf}; {@link GradientClipping#clip} itself takes {@link Double#POSITIVE_INFINITY})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClipGradConfig(Double maxNorm, Double normType) {

    public ClipGradConfig {
        ConfigChecks.required("maxNorm", maxNorm);
        if (!(maxNorm > 0.0 && maxNorm < Double.POSITIVE_INFINITY)) {
            throw new ConfigValueException("maxNorm", "must be a positive finite number, got " + maxNorm);
        }
        normType = normType == null ? 2.0 : normType;
        if (!(normType > 0.0 && normType < Double.POSITIVE_INFINITY)) {
            throw new ConfigValueException("normType", "must be a positive finite number, got " + normType);
        }
    }
}
