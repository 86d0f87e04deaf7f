package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.function.Predicate;

/**
 * MMAction2's {@code optim_wrapper}: the optimizer, optional gradient clipping and optional
 * per-parameter weight decay, e.g.
 * <pre>
 * optimWrapper:
 *   optimizer: {type: SGD, lr: 0.01, momentum: 0.9, weightDecay: 0.0001}
 *   clipGrad: {maxNorm: 40, normType: 2}
 * </pre>
 *
 * @param type only {@code OptimWrapper} (the default; mmengine's AMP wrapper is not supported)
 * @param optimizer required
 * @param clipGrad absent: no clipping
 * @param paramwiseCfg absent: every parameter gets the optimizer's weight decay
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimWrapperConfig(String type, OptimizerConfig optimizer, ClipGradConfig clipGrad,
                                 ParamwiseConfig paramwiseCfg) {

    public static final String OPTIM_WRAPPER = "OptimWrapper";

    public OptimWrapperConfig {
        type = type == null ? OPTIM_WRAPPER : type;
        if (!type.equals(OPTIM_WRAPPER)) {
            throw new ConfigValueException("type", "only " + OPTIM_WRAPPER + " is supported, got " + type);
        }
        ConfigChecks.required("optimizer", optimizer);
        paramwiseCfg = paramwiseCfg == null ? ParamwiseConfig.NONE : paramwiseCfg;
    }

    public OptimWrapperConfig(OptimizerConfig optimizer, ClipGradConfig clipGrad) {
        this(null, optimizer, clipGrad, null);
    }

    /** The optimizer with {@link #paramwiseCfg()}'s decay multipliers; see {@link ParamwiseConfig#decayMultipliers}. */
    public Optimizer createOptimizer(Predicate<String> isNormParameter) {
        return Optimizer.create(optimizer, paramwiseCfg.decayMultipliers(isNormParameter));
    }
}
