package io.action4j.localization.metric;

import io.action4j.api.metric.NumpySum;
import java.util.List;

/**
 * The AR@AN curve: recall at each tIoU threshold against the average number of proposals kept per
 * video, as MMAction2's {@code average_recall_at_avg_proposals} returns it.
 *
 * @param tiouThresholds the thresholds, one row of {@code recall} each
 * @param recall {@code recall[t][j]}: the share of ground-truth segments found at threshold t with
 *               the j+1-th percent of the proposal budget
 * @param averageRecall the recall averaged over thresholds, one value per budget step
 * @param proposalsPerVideo the average number of proposals per video at each budget step (the AN)
 * @param auc the area under the average-recall curve, in percent of its width
 */
public record ProposalRecallCurve(List<Double> tiouThresholds, double[][] recall, double[] averageRecall,
        double[] proposalsPerVideo, double auc) {

    /** The average recall at the step whose budget is {@code percent} percent of the maximum, e.g. AR@100. */
    public double averageRecallAt(int percent) {
        return NumpySum.mean(column(percent - 1));
    }

    private double[] column(int step) {
        double[] values = new double[recall.length];
        for (int t = 0; t < recall.length; t++) {
            values[t] = recall[t][step];
        }
        return values;
    }
}
