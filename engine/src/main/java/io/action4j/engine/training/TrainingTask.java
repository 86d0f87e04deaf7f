package io.action4j.engine.training;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.ModelComposer;
import java.io.IOException;

/**
 * What a task module gives the engine's {@link Trainer}: its training data, the objective, the shape
 * of one sample's input, and which parts of the model train (a localizer trains its head on cached
 * snippet features, without its backbone).
 *
 * @param sampleShape one sample's input (batch size 1): NCTHW clips, or N x C x T features
 * @param validation scores the model on the validation set; null: the trainer's own (recognition's)
 */
public record TrainingTask(TensorShape sampleShape, ModelComposer.Parts parts, TrainingObjective objective,
                           TrainingData data, Validation validation) implements AutoCloseable {

    /** A task's validation: named figures of the model as it is now ({@code auc}, {@code AR@100}, ...). */
    @FunctionalInterface
    public interface Validation {
        java.util.Map<String, Double> validate(io.action4j.engine.model.ComposedModel trainingModel, int epoch)
                throws IOException;
    }

    /** A task validated by the trainer's own means. */
    public TrainingTask(TensorShape sampleShape, ModelComposer.Parts parts, TrainingObjective objective,
                        TrainingData data) {
        this(sampleShape, parts, objective, data, null);
    }

    @Override
    public void close() throws IOException {
        data.close();
    }
}
