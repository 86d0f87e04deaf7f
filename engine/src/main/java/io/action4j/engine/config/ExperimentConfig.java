package io.action4j.engine.config;

import static io.action4j.api.ComponentKind.METRIC;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigValueException;
import io.action4j.engine.training.OptimWrapperConfig;
import io.action4j.engine.training.ParamSchedulerConfig;
import io.action4j.engine.training.TrainLoopConfig;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import java.util.List;

/**
 * The top of a config file, with MMAction2's sections in camelCase.
 *
 * @param model what to build
 * @param data how a video becomes the model's input at inference ({@code recognize}), and the
 *     default pipeline of the dataloaders that name none
 * @param trainDataloader the training set ({@code train})
 * @param valDataloader the validation set, scored during training
 * @param testDataloader the test set ({@code test})
 * @param optimWrapper the optimizer and gradient clipping
 * @param paramScheduler learning-rate schedulers, applied in order (may be absent: a constant rate)
 * @param trainCfg epochs, validation and checkpoint intervals, seed, loss
 * @param valEvaluator the metric validation reports (MMAction2's {@code val_evaluator}); absent: {@code acc}
 * @param testEvaluator the metric {@code test} reports; absent: {@code acc}
 * @param windows how a long video is cut into the model's inputs where a task streams it (a
 *     localizer's snippets)
 * @param keyframes where a task that works on keyframes looks in a video (AVA-style detection)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentConfig(ModelConfig model, DataConfig data, DataloaderConfig trainDataloader,
                               DataloaderConfig valDataloader, DataloaderConfig testDataloader,
                               OptimWrapperConfig optimWrapper, List<ParamSchedulerConfig> paramScheduler,
                               TrainLoopConfig trainCfg, @ComponentOf(METRIC) ComponentSpec valEvaluator,
                               @ComponentOf(METRIC) ComponentSpec testEvaluator, WindowsConfig windows,
                               KeyframesConfig keyframes) {

    public ExperimentConfig {
        if (model == null && data == null) {
            throw new ConfigValueException("model", "is required (or a 'data' section, for data-only configs)");
        }
        paramScheduler = paramScheduler == null ? List.of() : List.copyOf(paramScheduler);
    }

    /** A config with a model and an inference pipeline only. */
    public ExperimentConfig(ModelConfig model, DataConfig data) {
        this(model, data, null, null, null, null, null, null, null, null, null, null);
    }
}
