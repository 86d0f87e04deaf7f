package io.action4j.localization.bmn;

import io.action4j.api.model.Feature;
import io.action4j.engine.training.TrainingGraph;
import io.action4j.engine.training.TrainingObjective;
import io.action4j.localization.train.BinaryLogisticLoss;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MMAction2's {@code BMNLoss} as the training graph's loss: the temporal evaluation loss (a
 * binary logistic regression loss on start and on end), plus 10 times the proposal regression loss
 * (mean squared error over the high-tIoU candidates and a random sample of the middle and low ones)
 * plus the proposal classification loss (weighted log loss, positives above tIoU 0.9), every term's
 * arithmetic as MMAction2 writes it. The regression loss's two random draws are placeholders
 * ({@link #RANDOM_MID}, {@link #RANDOM_LOW}, uniform in [0, 1)), so a step can be repeated exactly.
 */
public final class BmnObjective implements TrainingObjective {

    /** N x T x T: each candidate's best tIoU with the ground truth ({@link BmnLabels#confidence}). */
    public static final String GT_IOU_MAP = "bmn_gt_iou_map";
    public static final String GT_START = "bmn_gt_start";
    public static final String GT_END = "bmn_gt_end";
    /** N x T x T uniform draws: which middle-tIoU candidates the regression loss samples. */
    public static final String RANDOM_MID = "bmn_random_mid";
    /** N x T x T uniform draws: which low-tIoU candidates the regression loss samples. */
    public static final String RANDOM_LOW = "bmn_random_low";

    private static final double EPS = 1e-5;
    private static final double WEIGHT_TEM = 1.0;
    private static final double WEIGHT_PEM_REG = 10.0;
    private static final double WEIGHT_PEM_CLS = 1.0;

    private final int steps;

    public BmnObjective(int steps) {
        this.steps = steps;
    }

    @Override
    public SDVariable buildLoss(SameDiff sd, Map<String, Feature> outputs) {
        SDVariable confidence = output(outputs, BmnHead.CONFIDENCE_MAP);
        SDVariable start = output(outputs, BmnHead.START);
        SDVariable end = output(outputs, BmnHead.END);
        SDVariable gtIou = sd.placeHolder(GT_IOU_MAP, DataType.FLOAT, -1, steps, steps);
        SDVariable gtStart = sd.placeHolder(GT_START, DataType.FLOAT, -1, steps);
        SDVariable gtEnd = sd.placeHolder(GT_END, DataType.FLOAT, -1, steps);
        SDVariable randomMid = sd.placeHolder(RANDOM_MID, DataType.FLOAT, -1, steps, steps);
        SDVariable randomLow = sd.placeHolder(RANDOM_LOW, DataType.FLOAT, -1, steps, steps);
        SDVariable mask = sd.constant("bmn_loss/bm_mask", Nd4j.create(BoundaryMatchingMask.validCandidates(steps),
                new long[] {steps, steps}, 'c'));

        SDVariable regression = sd.squeeze(sd.slice(confidence, new int[] {0, 0, 0, 0}, -1, 1, steps, steps), 1);
        SDVariable classification = sd.squeeze(sd.slice(confidence, new int[] {0, 1, 0, 0}, -1, 1, steps, steps), 1);
        SDVariable truth = gtIou.mul(mask);

        SDVariable tem = BinaryLogisticLoss.build(sd, start, gtStart, 0.5).add(BinaryLogisticLoss.build(sd, end, gtEnd, 0.5));
        SDVariable reg = regressionLoss(sd, regression, truth, mask, randomMid, randomLow);
        SDVariable cls = classificationLoss(sd, classification, truth, mask);
        return sd.math().add(TrainingGraph.LOSS,
                tem.mul(WEIGHT_TEM).add(reg.mul(WEIGHT_PEM_REG)), cls.mul(WEIGHT_PEM_CLS));
    }

    /** {@code pem_reg_loss}: thresholds 0.7 and 0.3, the middle and low candidates sampled to the high ones' number. */
    private static SDVariable regressionLoss(SameDiff sd, SDVariable score, SDVariable truth, SDVariable mask,
                                             SDVariable randomMid, SDVariable randomLow) {
        SDVariable high = above(sd, truth, 0.7);
        SDVariable middle = atMost(sd, truth, 0.7).mul(above(sd, truth, 0.3));
        SDVariable low = atMost(sd, truth, 0.3).mul(above(sd, truth, 0.0)).mul(mask);
        SDVariable highCount = sd.sum(high);
        SDVariable middleShare = highCount.div(sd.sum(middle));
        SDVariable sampledMiddle = sd.gt(middle.mul(randomMid), middleShare.rsub(1.0)).castTo(DataType.FLOAT);
        SDVariable lowShare = highCount.div(sd.sum(low));
        SDVariable sampledLow = sd.gt(low.mul(randomLow), lowShare.rsub(1.0)).castTo(DataType.FLOAT);
        SDVariable weights = high.add(sampledMiddle).add(sampledLow);
        SDVariable difference = score.mul(weights).sub(truth.mul(weights));
        SDVariable mse = sd.mean(difference.mul(difference));
        SDVariable entries = sd.sizeAt(truth, 0).castTo(DataType.FLOAT).mul(sd.sizeAt(truth, 1).castTo(DataType.FLOAT))
                .mul(sd.sizeAt(truth, 2).castTo(DataType.FLOAT));
        return mse.mul(entries).mul(0.5).div(sd.sum(weights));
    }

    /** {@code pem_cls_loss}: positives above tIoU 0.9, ratio clamped to [1.05, 21]. */
    private static SDVariable classificationLoss(SameDiff sd, SDVariable score, SDVariable truth, SDVariable mask) {
        SDVariable positive = above(sd, truth, 0.9);
        SDVariable negative = atMost(sd, truth, 0.9).mul(mask);
        SDVariable positives = sd.math().max(sd.sum(positive), sd.constant(1f));
        SDVariable entries = positives.add(sd.sum(negative));
        SDVariable ratio = sd.math().clipByValue(entries.div(positives), 1.05, 21);
        SDVariable coefficient0 = ratio.mul(0.5).div(ratio.sub(1));
        SDVariable coefficient1 = ratio.mul(0.5);
        SDVariable lossPositive = coefficient1.mul(sd.math().log(score.add(EPS))).mul(positive);
        SDVariable lossNegative = coefficient0.mul(sd.math().log(score.rsub(1.0).add(EPS))).mul(negative);
        return sd.math().neg(sd.sum(lossPositive.add(lossNegative))).div(entries);
    }

    private static SDVariable above(SameDiff sd, SDVariable x, double threshold) {
        return sd.gt(x, threshold).castTo(DataType.FLOAT);
    }

    private static SDVariable atMost(SameDiff sd, SDVariable x, double threshold) {
        return sd.lte(x, threshold).castTo(DataType.FLOAT);
    }

    private static SDVariable output(Map<String, Feature> outputs, String name) {
        Feature feature = outputs.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("BMN's loss needs the model output '" + name + "'; it has "
                    + outputs.keySet());
        }
        return feature.variable();
    }
}
