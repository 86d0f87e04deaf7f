package io.action4j.engine.training;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code torch.optim.AdamW} (amsgrad off): per parameter, {@code t += 1}; {@code p *= 1 - lr * wd};
 * {@code m = b1 * m + (1 - b1) * g}; {@code v = b2 * v + (1 - b2) * g * g};
 * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. With {@code decoupled} off it
 * is {@code torch.optim.Adam}, whose weight decay is an L2 term in the gradient instead
 * ({@code g += wd * p}, MMAction2's BMN optimizer).
 */
final class AdamW extends SlottedOptimizer {

    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    AdamW(OptimizerConfig config, ToDoubleFunction<String> decayMultiplier, boolean decoupled) {
        super(config.type(), List.of(EXP_AVG, EXP_AVG_SQ, STEP), decayMultiplier);
        this.decoupled = decoupled;
        this.beta1 = config.betas().get(0);
        this.beta2 = config.betas().get(1);
        this.eps = config.eps();
        this.weightDecay = config.weightDecay();
    }

    @Override
    void update(INDArray parameter, INDArray gradient, double lr, double weightDecayMultiplier,
                Map<String, INDArray> state) {
        INDArray expAvg = state.computeIfAbsent(EXP_AVG, slot -> Nd4j.zeros(parameter.dataType(), parameter.shape()));
        INDArray expAvgSq = state.computeIfAbsent(EXP_AVG_SQ, slot -> Nd4j.zeros(parameter.dataType(), parameter.shape()));
        // PyTorch keeps the count as a float32 tensor; so does the exported state.
        double step = (state.containsKey(STEP) ? stepCount(state.get(STEP)) : 0) + 1;
        state.put(STEP, Nd4j.scalar(DataType.FLOAT, step));

        double decay = weightDecay * weightDecayMultiplier;
        if (decay != 0.0 && decoupled) {
            parameter.muli(1 - lr * decay);
        } else if (decay != 0.0) {
            gradient = gradient.add(parameter.mul(decay));
        }
        expAvg.muli(beta1).addi(gradient.mul(1 - beta1));
        // Same operand order as torch's addcmul_ (value * g * g) and addcdiv_ (value * m / denom).
        expAvgSq.muli(beta2).addi(gradient.mul(1 - beta2).muli(gradient));
        double stepSize = lr / (1 - Math.pow(beta1, step));
        INDArray denominator = Transforms.sqrt(expAvgSq, true).divi(Math.sqrt(1 - Math.pow(beta2, step))).addi(eps);
        parameter.addi(expAvg.mul(-stepSize).divi(denominator));
    }

    @Override
    void checkLoaded(String parameter, Map<String, INDArray> state) {
        for (String slot : List.of(EXP_AVG, EXP_AVG_SQ, STEP)) {
            if (!state.containsKey(slot)) {
                throw new IllegalArgumentException("'" + parameter + "' has " + state.keySet() + " but lacks '"
                        + parameter + "/" + slot + "' (AdamW keeps exp_avg, exp_avg_sq and step together)");
            }
        }
        double step = stepCount(state.get(STEP));
        if (!(step >= 1 && step == Math.rint(step))) {
            throw new IllegalArgumentException("'" + parameter + "/" + STEP + "' must be a whole number >= 1, got " + step);
        }
    }
}
