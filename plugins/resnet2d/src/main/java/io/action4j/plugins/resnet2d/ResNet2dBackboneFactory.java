package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link ResNet2dBackbone} as {@value #NAME}. */
public final class ResNet2dBackboneFactory implements BackboneFactory<ResNet2dConfig> {

    public static final String NAME = "resnet2d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ResNet2dConfig> configType() {
        return ResNet2dConfig.class;
    }

    @Override
    public ResNet2dConfig defaultConfig() {
        return ResNet2dConfig.DEFAULTS;
    }

    @Override
    public Backbone create(ResNet2dConfig config) {
        return new ResNet2dBackbone(config);
    }

    @Override
    public String description() {
        return "2D ResNet applied frame by frame (TSN; TSM with shiftDiv > 0), depth 18-152, NCTHW in and out";
    }
}
