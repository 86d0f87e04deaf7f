package io.action4j.engine.training;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code torch.optim.SGD} with dampening 0: {@code d = g + wd * p}; with momentum,
 * {@code buf = d} the first time and {@code buf = momentum * buf + d} after, then {@code d = buf}
 * (or {@code d + momentum * buf}, Nesterov); {@code p -= lr * d}.
 */
final class Sgd extends SlottedOptimizer {

    static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    Sgd(OptimizerConfig config, ToDoubleFunction<String> decayMultiplier) {
        super(OptimizerConfig.SGD, List.of(MOMENTUM_BUFFER), decayMultiplier);
        this.momentum = config.momentum();
        this.nesterov = config.nesterov();
        this.weightDecay = config.weightDecay();
    }

    @Override
    void update(INDArray parameter, INDArray gradient, double lr, double weightDecayMultiplier,
                Map<String, INDArray> state) {
        double decay = weightDecay * weightDecayMultiplier;
        INDArray direction = decay != 0.0 ? gradient.add(parameter.mul(decay)) : gradient;
        if (momentum != 0.0) {
            INDArray buffer = state.get(MOMENTUM_BUFFER);
            if (buffer == null) {
                buffer = direction.dup();
                state.put(MOMENTUM_BUFFER, buffer);
            } else {
                buffer.muli(momentum).addi(direction);
            }
            direction = nesterov ? direction.add(buffer.mul(momentum)) : buffer;
        }
        parameter.subi(direction.mul(lr));
    }

    @Override
    void checkLoaded(String parameter, Map<String, INDArray> state) {
        if (momentum == 0.0 && state.containsKey(MOMENTUM_BUFFER)) {
            throw new IllegalArgumentException("'" + parameter + "/" + MOMENTUM_BUFFER
                    + "': this SGD has no momentum (momentum 0), so it keeps no buffer");
        }
    }
}
