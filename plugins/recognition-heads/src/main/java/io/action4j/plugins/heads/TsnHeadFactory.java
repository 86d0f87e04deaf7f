package io.action4j.plugins.heads;

import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.RecognitionHeadFactory;

/** Registers {@link TsnHead} as {@value #NAME}. */
public final class TsnHeadFactory implements RecognitionHeadFactory<TsnHeadConfig> {

    public static final String NAME = "tsn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TsnHeadConfig> configType() {
        return TsnHeadConfig.class;
    }

    @Override
    public TsnHeadConfig defaultConfig() {
        return TsnHeadConfig.DEFAULTS;
    }

    @Override
    public RecognitionHead create(TsnHeadConfig config) {
        return new TsnHead(config);
    }

    @Override
    public String description() {
        return "TSN head: spatial average pooling per segment, average consensus over segments, linear classifier";
    }
}
