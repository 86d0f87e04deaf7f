package io.action4j.engine.training;

import io.action4j.api.model.Feature;
import io.action4j.engine.model.ModelComposer;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Recognition's objective: a classification loss on {@code cls_score} against per-sample class
 * targets ({@link TrainingGraph#TARGETS}, N x classes); the log's {@code top1_acc} per batch.
 */
public final class ClassificationObjective implements TrainingObjective {

    private final LossFunction loss;
    private final int numClasses;

    public ClassificationObjective(LossFunction loss, int numClasses) {
        this.loss = loss;
        this.numClasses = numClasses;
    }

    public int numClasses() {
        return numClasses;
    }

    @Override
    public SDVariable buildLoss(SameDiff sameDiff, Map<String, Feature> outputs) {
        Feature scores = outputs.get(ModelComposer.CLS_SCORE);
        if (scores == null) {
            throw new IllegalArgumentException("classification training needs a model with a clsHead; its outputs are "
                    + outputs.keySet());
        }
        if (scores.shape().dim(1) != numClasses) {
            throw new IllegalArgumentException("the clsHead scores " + scores.shape().dim(1) + " classes, the targets have "
                    + numClasses);
        }
        SDVariable targets = sameDiff.placeHolder(TrainingGraph.TARGETS, DataType.FLOAT, -1, numClasses);
        return loss.build(sameDiff, scores.variable(), targets);
    }

    @Override
    public List<String> reportedOutputs() {
        return List.of(ModelComposer.CLS_SCORE);
    }

    /** Top-1 accuracy of a batch against its (one-hot) targets: the argmax's target value. */
    @Override
    public Map<String, Double> batchFigures(TrainingGraph.Pass pass, TrainingBatch batch) {
        INDArray logits = pass.logits();
        INDArray targets = batch.targets().get(TrainingGraph.TARGETS);
        INDArray predicted = logits.argMax(1);
        double hits = 0;
        for (int i = 0; i < logits.size(0); i++) {
            hits += targets.getDouble(i, predicted.getLong(i)) > 0 ? 1 : 0;
        }
        return Map.of("top1_acc", hits / logits.size(0));
    }
}
