package io.action4j.plugins.timesformer;

import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.RecognitionHeadFactory;

/** Registers {@link TimeSformerHead} as {@value #NAME}. */
public final class TimeSformerHeadFactory implements RecognitionHeadFactory<TimeSformerHeadConfig> {

    public static final String NAME = "timesformer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TimeSformerHeadConfig> configType() {
        return TimeSformerHeadConfig.class;
    }

    @Override
    public TimeSformerHeadConfig defaultConfig() {
        return TimeSformerHeadConfig.DEFAULTS;
    }

    @Override
    public RecognitionHead create(TimeSformerHeadConfig config) {
        return new TimeSformerHead(config);
    }

    @Override
    public String description() {
        return "TimeSformer head (MMAction2 TimeSformerHead): linear classifier on the cls feature";
    }
}
