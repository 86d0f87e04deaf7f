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
 */
public record TrainingTask(TensorShape sampleShape, ModelComposer.Parts parts, TrainingObjective objective,
                           TrainingData data) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        data.close();
    }
}
