package io.action4j.engine.training;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates a model's parameters in place from their gradients, with PyTorch's arithmetic
 * ({@code torch.optim.SGD}, {@code torch.optim.AdamW}); the learning rate is given per step, as
 * the schedule sets it. Parameters and gradients are keyed by graph name.
 *
 * <p>The state (momentum buffers, moments, step counts) is exported and loaded by name for
 * resuming: {@code <parameter>/<slot>}, with PyTorch's slot names ({@code momentum_buffer},
 * {@code exp_avg}, {@code exp_avg_sq}, {@code step}).
 */
public interface Optimizer {

    /**
     * One update. A parameter without a gradient is left alone (its state too, as PyTorch does when
     * {@code grad is None}); a gradient without a parameter, or of another shape or data type, is an
     * error naming it, and nothing is updated.
     *
     * @param lr this step's learning rate, finite and >= 0
     */
    void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double lr);

    /** A copy of the state, keyed {@code <parameter>/<slot>}; empty before the first step. */
    Map<String, INDArray> state();

    /**
     * Replaces the state with {@code state} (as {@link #state()} exported it, e.g. read back from a
     * checkpoint), copied. Every entry must name one of {@code parameters} and a slot of this
     * optimizer, with that parameter's shape ({@code step}: one value, a positive whole number);
     * otherwise nothing changes and the error names the entry.
     */
    void loadState(Map<String, INDArray> state, Map<String, INDArray> parameters);

    /** The optimizer {@code config} describes, every parameter with the configured weight decay. */
    static Optimizer create(OptimizerConfig config) {
        return create(config, name -> 1.0);
    }

    /**
     * @param decayMultiplier per parameter name, the factor on the configured weight decay
     *     (see {@link ParamwiseConfig#decayMultipliers})
     */
    static Optimizer create(OptimizerConfig config, ToDoubleFunction<String> decayMultiplier) {
        return switch (config.type()) {
            case OptimizerConfig.SGD -> new Sgd(config, decayMultiplier);
            case OptimizerConfig.ADAMW -> new AdamW(config, decayMultiplier, true);
            case OptimizerConfig.ADAM -> new AdamW(config, decayMultiplier, false);
            default -> throw new IllegalArgumentException("no optimizer " + config.type());
        };
    }
}
