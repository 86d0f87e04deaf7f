package io.action4j.localization.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MMAction2's {@code binary_logistic_regression_loss}, which BSN's TEM and BMN's temporal evaluation
 * train with: positives are targets above a threshold; each side's log loss is weighted by the
 * balance of positives and negatives ({@code ratio} = entries / positives, clamped to [1.05, 21]).
 */
public final class BinaryLogisticLoss {

    private static final double EPS = 1e-5;

    private BinaryLogisticLoss() {
    }

    /** The mean loss of {@code score} (probabilities, N x T) against {@code label} (targets, N x T). */
    public static SDVariable build(SameDiff sd, SDVariable score, SDVariable label, double threshold) {
        SDVariable positive = sd.gt(label, threshold).castTo(DataType.FLOAT);
        SDVariable positives = sd.math().max(sd.sum(positive), sd.constant(1f));
        SDVariable entries = sd.sizeAt(label, 0).castTo(DataType.FLOAT).mul(sd.sizeAt(label, 1).castTo(DataType.FLOAT));
        SDVariable ratio = sd.math().clipByValue(entries.div(positives), 1.05, 21);
        SDVariable coefficient0 = ratio.mul(0.5).div(ratio.sub(1));
        SDVariable coefficient1 = ratio.mul(0.5);
        SDVariable loss = coefficient1.mul(positive).mul(sd.math().log(score.add(EPS)))
                .add(coefficient0.mul(positive.rsub(1.0)).mul(sd.math().log(score.rsub(1.0).add(EPS))));
        return sd.math().neg(sd.mean(loss));
    }
}
