package io.action4j.localization.metric;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricFactory;
import java.util.OptionalDouble;

/** Creates {@link ProposalRecall}. */
public final class ProposalRecallFactory implements MetricFactory<ProposalRecallConfig> {

    /** MMAction2's function name for the metric its {@code ANetMetric} calls 'AR@AN'. */
    public static final String NAME = "average_recall_at_avg_proposals";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ProposalRecallConfig> configType() {
        return ProposalRecallConfig.class;
    }

    @Override
    public ProposalRecallConfig defaultConfig() {
        return ProposalRecallConfig.defaults();
    }

    @Override
    public Metric<?> create(ProposalRecallConfig config) {
        return new ProposalRecall(config.tiouThresholds(), OptionalDouble.of(config.maxAvgProposals()));
    }

    @Override
    public String description() {
        return "AR@AN of temporal proposals: recall against proposals per video, its AUC, AR@1/5/10/100 "
                + "(MMAction2 conventions)";
    }
}
