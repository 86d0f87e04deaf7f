package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link EarlyFusionBackbone} as {@value #NAME}. */
public final class EarlyFusionBackboneFactory implements BackboneFactory<EarlyFusionConfig> {

    public static final String NAME = "early_fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<EarlyFusionConfig> configType() {
        return EarlyFusionConfig.class;
    }

    @Override
    public EarlyFusionConfig defaultConfig() {
        return EarlyFusionConfig.DEFAULTS;
    }

    @Override
    public Backbone create(EarlyFusionConfig config) {
        return new EarlyFusionBackbone(config);
    }

    @Override
    public String description() {
        return "frames stacked on channels into a 2D ResNet (early fusion; stacked flow or RGB differences with stackFrames L), NCTHW in, N x C' x T/L x H' x W' out";
    }
}
