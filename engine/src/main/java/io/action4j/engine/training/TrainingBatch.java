package io.action4j.engine.training;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch for a training step.
 *
 * @param inputs the model's inputs by input name ({@code input})
 * @param targets the objective's placeholders by name
 * @param size samples in the batch; 0 for a batch whose samples all failed to load (skipped)
 */
public record TrainingBatch(Map<String, INDArray> inputs, Map<String, INDArray> targets, int size) {

    public static final TrainingBatch EMPTY = new TrainingBatch(Map.of(), Map.of(), 0);

    public TrainingBatch {
        inputs = Map.copyOf(inputs);
        targets = Map.copyOf(targets);
    }
}
