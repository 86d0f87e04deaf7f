package io.action4j.plugins.timesformer;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link TimeSformerBackbone} as {@value #NAME}. */
public final class TimeSformerBackboneFactory implements BackboneFactory<TimeSformerConfig> {

    public static final String NAME = "timesformer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TimeSformerConfig> configType() {
        return TimeSformerConfig.class;
    }

    @Override
    public TimeSformerConfig defaultConfig() {
        return TimeSformerConfig.DEFAULTS;
    }

    @Override
    public Backbone create(TimeSformerConfig config) {
        return new TimeSformerBackbone(config);
    }

    @Override
    public String description() {
        return "TimeSformer (MMAction2): divided space-time, space-only or joint attention; N x embedDims cls feature";
    }
}
