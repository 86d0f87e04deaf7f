package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;
import java.util.Locale;

/**
 * MMAction2's {@code optim_wrapper.optimizer}: which optimizer and its hyper-parameters, with
 * PyTorch's meaning and defaults. A key left out arrives as null and takes PyTorch's default;
 * a key the chosen optimizer does not take is an error (PyTorch would reject it too).
 *
 * @param type {@code SGD}, {@code AdamW} or {@code Adam} (matched ignoring case, kept as spelled here)
 * @param lr the base learning rate, which the parameter schedulers scale; required for SGD
 *     (PyTorch's SGD has no default), 0.001 for Adam and AdamW
 * @param momentum SGD only: momentum factor, default 0 (no momentum buffer)
 * @param nesterov SGD only: Nesterov momentum, default false; needs a positive momentum
 * @param weightDecay L2 penalty added to the gradient (SGD, default 0) or decoupled decay
 *     {@code p *= 1 - lr * weightDecay} (AdamW, default 0.01); an L2 term {@code g += weightDecay * p} (Adam,
 *     default 0)
 * @param betas Adam and AdamW only: the moments' decay rates, default [0.9, 0.999]
 * @param eps Adam and AdamW only: added to the denominator after the square root, default 1e-8
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerConfig(String type, Double lr, Double momentum, Boolean nesterov, Double weightDecay,
                              List<Double> betas, Double eps) {

    public static final String SGD = "SGD";
    public static final String ADAMW = "AdamW";
    public static final String ADAM = "Adam";
    public static final List<String> TYPES = List.of(SGD, ADAMW, ADAM);

    public OptimizerConfig {
        type = canonicalType(type);
        if (type.equals(SGD)) {
            rejectForeign(type, "betas", betas);
            rejectForeign(type, "eps", eps);
            lr = nonNegative("lr", ConfigChecks.required("lr", lr));
            momentum = nonNegative("momentum", momentum == null ? 0.0 : momentum);
            nesterov = nesterov != null && nesterov;
            weightDecay = nonNegative("weightDecay", weightDecay == null ? 0.0 : weightDecay);
            if (nesterov && momentum == 0.0) {
                throw new ConfigValueException("nesterov", "needs a positive momentum");
            }
        } else {
            rejectForeign(type, "momentum", momentum);
            rejectForeign(type, "nesterov", nesterov);
            lr = nonNegative("lr", lr == null ? 1e-3 : lr);
            weightDecay = nonNegative("weightDecay", weightDecay == null ? (type.equals(ADAMW) ? 0.01 : 0.0) : weightDecay);
            betas = betas == null ? List.of(0.9, 0.999) : checkBetas(betas);
            eps = nonNegative("eps", eps == null ? 1e-8 : eps);
        }
    }

    /** SGD with PyTorch's defaults and the given learning rate. */
    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig(SGD, lr, null, null, null, null, null);
    }

    /** AdamW with PyTorch's defaults and the given learning rate. */
    public static OptimizerConfig adamW(double lr) {
        return new OptimizerConfig(ADAMW, lr, null, null, null, null, null);
    }

    private static String canonicalType(String type) {
        ConfigChecks.required("type", type);
        for (String known : TYPES) {
            if (known.toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        throw new ConfigValueException("type", "unknown optimizer '" + type + "'; supported: " + TYPES);
    }

    private static void rejectForeign(String type, String key, Object value) {
        if (value != null) {
            throw new ConfigValueException(key, "is not a " + type + " setting (" + type + " takes "
                    + (type.equals(SGD) ? "lr, momentum, nesterov, weightDecay" : "lr, betas, eps, weightDecay") + ")");
        }
    }

    static double nonNegative(String key, double value) {
        if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new ConfigValueException(key, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    private static List<Double> checkBetas(List<Double> betas) {
        if (betas.size() != 2) {
            throw new ConfigValueException("betas", "must hold two values (beta1, beta2), got " + betas);
        }
        for (Double beta : betas) {
            if (beta == null || !(beta >= 0.0 && beta < 1.0)) {
                throw new ConfigValueException("betas", "must hold values in [0, 1), got " + betas);
            }
        }
        return List.copyOf(betas);
    }
}
