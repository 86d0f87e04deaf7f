package io.action4j.localization;

import io.action4j.api.VideoPlugin;
import io.action4j.api.metric.MetricFactory;
import io.action4j.api.model.LocalizationHeadFactory;
import io.action4j.localization.bmn.BmnHeadFactory;
import io.action4j.localization.bsn.TemHeadFactory;
import io.action4j.localization.metric.ProposalRecallFactory;
import io.action4j.localization.metric.TemporalDetectionMapFactory;
import java.util.List;

/** Contributes the temporal action localization components. */
public final class LocalizationPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<LocalizationHeadFactory<?>> localizationHeads() {
        return List.of(new BmnHeadFactory(), new TemHeadFactory());
    }

    @Override
    public List<MetricFactory<?>> metrics() {
        return List.of(new TemporalDetectionMapFactory(), new ProposalRecallFactory());
    }
}
