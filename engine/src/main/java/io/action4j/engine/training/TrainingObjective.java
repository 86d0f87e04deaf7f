package io.action4j.engine.training;

import io.action4j.api.model.Feature;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What a task trains a model for: the target placeholders it adds to the training graph and the
 * scalar loss over the model's outputs (recognition's cross entropy on {@code cls_score}, BMN's
 * boundary and proposal losses). The engine's {@link TrainingGraph} and {@link Trainer} do the rest.
 */
public interface TrainingObjective {

    /**
     * Adds the target placeholders to {@code sameDiff} and returns the scalar loss, named {@link TrainingGraph#LOSS}.
     *
     * @param outputs the model's outputs by name ({@code cls_score}, {@code confidence_map}, ...)
     */
    SDVariable buildLoss(SameDiff sameDiff, Map<String, Feature> outputs);

    /** Model outputs each pass also returns (by output name), e.g. for {@link #batchFigures}. */
    default List<String> reportedOutputs() {
        return List.of();
    }

    /** Figures of one batch that the training log averages between its lines (recognition's {@code top1_acc}). */
    default Map<String, Double> batchFigures(TrainingGraph.Pass pass, TrainingBatch batch) {
        return Map.of();
    }
}
