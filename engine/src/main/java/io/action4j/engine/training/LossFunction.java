package io.action4j.engine.training;

import io.action4j.api.ConfigValueException;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * MMAction2's classification losses, built into the graph as the scalar {@link TrainingGraph#LOSS},
 * both averaged as PyTorch's defaults average them.
 */
public enum LossFunction {

    /** {@code CrossEntropyLoss}: {@code -mean_n sum_c t[n,c] * log_softmax(x)[n,c]} (soft targets allowed). */
    CROSS_ENTROPY("CrossEntropyLoss") {
        @Override
        SDVariable build(SameDiff sameDiff, SDVariable logits, SDVariable targets) {
            // log_softmax from elementwise ops: ND4J M2.1's LogSoftMax op fails to build in a gradient graph.
            SDVariable shifted = logits.sub(sameDiff.max(logits, true, 1));
            SDVariable logSumExp = sameDiff.math().log(sameDiff.sum(sameDiff.math().exp(shifted), true, 1));
            SDVariable logProbabilities = shifted.sub(logSumExp);
            SDVariable perSample = sameDiff.sum(targets.mul(logProbabilities), 1);
            return sameDiff.math().neg(TrainingGraph.LOSS, sameDiff.mean(perSample));
        }
    },

    /**
     * {@code BCELossWithLogits} for multi-label data: the mean over samples and classes of
     * {@code max(x, 0) - x * t + log(1 + exp(-|x|))}, the numerically stable form.
     */
    BCE_WITH_LOGITS("BCELossWithLogits") {
        @Override
        SDVariable build(SameDiff sameDiff, SDVariable logits, SDVariable targets) {
            SDVariable stable = sameDiff.nn().relu(logits, 0).sub(logits.mul(targets))
                    .add(sameDiff.nn().softplus(sameDiff.math().neg(sameDiff.math().abs(logits))));
            return sameDiff.mean(TrainingGraph.LOSS, stable);
        }
    };

    private final String configName;

    LossFunction(String configName) {
        this.configName = configName;
    }

    /** The name configs use (MMAction2's class name). */
    public String configName() {
        return configName;
    }

    abstract SDVariable build(SameDiff sameDiff, SDVariable logits, SDVariable targets);

    public static LossFunction fromConfig(String key, String name) {
        for (LossFunction loss : values()) {
            if (loss.configName.equals(name)) {
                return loss;
            }
        }
        throw new ConfigValueException(key, "unknown loss '" + name + "'; known: "
                + Arrays.stream(values()).map(LossFunction::configName).toList());
    }
}
