package io.action4j.spatiotemporal.train;

import io.action4j.api.model.Feature;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingGraph;
import io.action4j.engine.training.TrainingObjective;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The AVA head's training loss, as MMAction2's {@code BBoxHeadAVA.loss_and_target} computes it for
 * multi-label AVA: over the positive boxes only (the data feeds no other), leaving out class 0 (the
 * background), binary cross entropy on the logits per box and class, weighted by
 * {@code alpha * (1 - exp(-bce))^gamma} (focal; gamma 0 is plain BCE), averaged.
 */
public final class AvaObjective implements TrainingObjective {

    /** R x numClasses multi-hot targets, one row per box in {@code rois}. */
    public static final String LABELS = "roi_labels";

    private final int numClasses;
    private final double focalGamma;
    private final double focalAlpha;

    public AvaObjective(int numClasses, double focalGamma, double focalAlpha) {
        this.numClasses = numClasses;
        this.focalGamma = focalGamma;
        this.focalAlpha = focalAlpha;
    }

    @Override
    public SDVariable buildLoss(SameDiff sd, Map<String, Feature> outputs) {
        Feature scores = outputs.get(ModelComposer.CLS_SCORE);
        if (scores == null) {
            throw new IllegalArgumentException("the AVA objective needs the head's '" + ModelComposer.CLS_SCORE
                    + "'; the model has " + outputs.keySet());
        }
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, numClasses);
        SDIndex actions = SDIndex.interval(1, numClasses);
        SDVariable logits = scores.variable().get(SDIndex.all(), actions);
        SDVariable targets = labels.get(SDIndex.all(), actions);
        // Stable BCE with logits: max(x, 0) - x * z + log(1 + exp(-|x|)).
        SDVariable bce = sd.math().max(logits, sd.zerosLike(logits)).sub(logits.mul(targets))
                .add(sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg())));
        SDVariable weighted = bce;
        if (focalGamma != 0 || focalAlpha != 1) {
            SDVariable pt = sd.math().exp(bce.neg());
            weighted = sd.math().pow(pt.rsub(1.0), focalGamma).mul(bce).mul(focalAlpha);
        }
        return sd.identity(TrainingGraph.LOSS, weighted.mean());
    }
}
