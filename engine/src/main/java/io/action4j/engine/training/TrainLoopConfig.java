package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;

/**
 * MMAction2's {@code train_cfg} (an epoch-based loop) with the hooks' settings a run needs.
 *
 * @param maxEpochs epochs to train
 * @param valBegin the first epoch after which to validate (default 1)
 * @param valInterval validate every this many epochs (default 1; needs a {@code valDataloader})
 * @param checkpointInterval save a checkpoint every this many epochs (default 1); the last epoch is always saved
 * @param logInterval log every this many iterations (default 20)
 * @param seed seeds the initial weights, the sample order, the augmentations and dropout
 * @param loss {@code CrossEntropyLoss} (default) or {@code BCELossWithLogits} (multi-label)
 * @param maxKeepCheckpoints the newest checkpoints kept in the work directory, older ones deleted
 *     (MMAction2's default runtime keeps 3); -1 keeps all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainLoopConfig(Integer maxEpochs, Integer valBegin, Integer valInterval, Integer checkpointInterval,
                              Integer logInterval, Long seed, String loss, Integer maxKeepCheckpoints) {

    public TrainLoopConfig {
        ConfigChecks.required("maxEpochs", maxEpochs);
        ConfigChecks.positive("maxEpochs", maxEpochs);
        valBegin = valBegin == null ? 1 : valBegin;
        valInterval = valInterval == null ? 1 : valInterval;
        checkpointInterval = checkpointInterval == null ? 1 : checkpointInterval;
        logInterval = logInterval == null ? 20 : logInterval;
        seed = seed == null ? 0L : seed;
        loss = loss == null ? LossFunction.CROSS_ENTROPY.configName() : loss;
        maxKeepCheckpoints = maxKeepCheckpoints == null ? 3 : maxKeepCheckpoints;
        if (maxKeepCheckpoints == 0 || maxKeepCheckpoints < -1) {
            throw new io.action4j.api.ConfigValueException("maxKeepCheckpoints", "must be positive or -1 (keep all), got "
                    + maxKeepCheckpoints);
        }
        ConfigChecks.positive("valBegin", valBegin);
        ConfigChecks.positive("valInterval", valInterval);
        ConfigChecks.positive("checkpointInterval", checkpointInterval);
        ConfigChecks.positive("logInterval", logInterval);
        LossFunction.fromConfig("loss", loss);
    }

    public LossFunction lossFunction() {
        return LossFunction.fromConfig("loss", loss);
    }
}
