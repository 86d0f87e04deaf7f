package io.action4j.localization.metric;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Config of {@code average_recall_at_avg_proposals}.
 *
 * @param tiouThresholds the tIoU thresholds recall is averaged over, each in (0, 1]
 * @param maxAvgProposals the proposal budget per video that the curve's 100 steps divide (MMAction2's
 *                        {@code max_avg_proposals}, 100 in its {@code ANetMetric})
 */
public record ProposalRecallConfig(List<Double> tiouThresholds, Double maxAvgProposals) {

    public ProposalRecallConfig {
        ConfigChecks.required("tiouThresholds", tiouThresholds);
        ConfigChecks.required("maxAvgProposals", maxAvgProposals);
        if (tiouThresholds.isEmpty()) {
            throw new ConfigValueException("tiouThresholds", "must hold at least one threshold");
        }
        for (Double threshold : tiouThresholds) {
            if (threshold == null || !(threshold > 0.0 && threshold <= 1.0)) {
                throw new ConfigValueException("tiouThresholds", "must hold values in (0, 1], got " + tiouThresholds);
            }
        }
        if (!(maxAvgProposals > 0) || maxAvgProposals.isInfinite()) {
            throw new ConfigValueException("maxAvgProposals", "must be a positive number, got " + maxAvgProposals);
        }
        tiouThresholds = List.copyOf(tiouThresholds);
    }

    /** MMAction2's {@code ANetMetric} defaults: {@code linspace(0.5, 0.95, 10)} and 100 proposals per video. */
    public static ProposalRecallConfig defaults() {
        return new ProposalRecallConfig(TiouThresholds.activityNet(), 100.0);
    }
}
