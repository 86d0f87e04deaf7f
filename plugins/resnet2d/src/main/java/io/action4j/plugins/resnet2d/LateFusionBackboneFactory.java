package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link LateFusionBackbone} as {@value #NAME}. */
public final class LateFusionBackboneFactory implements BackboneFactory<LateFusionConfig> {

    public static final String NAME = "late_fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LateFusionConfig> configType() {
        return LateFusionConfig.class;
    }

    @Override
    public LateFusionConfig defaultConfig() {
        return LateFusionConfig.DEFAULTS;
    }

    @Override
    public Backbone create(LateFusionConfig config) {
        return new LateFusionBackbone(config);
    }

    @Override
    public String description() {
        return "the first and last frames through one shared 2D ResNet, joined in a fully connected layer (late fusion)";
    }
}
