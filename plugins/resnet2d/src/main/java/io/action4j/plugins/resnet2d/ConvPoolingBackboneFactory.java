package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link ConvPoolingBackbone} as {@value #NAME}. */
public final class ConvPoolingBackboneFactory implements BackboneFactory<ConvPoolingConfig> {

    public static final String NAME = "conv_pooling";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ConvPoolingConfig> configType() {
        return ConvPoolingConfig.class;
    }

    @Override
    public ConvPoolingConfig defaultConfig() {
        return ConvPoolingConfig.DEFAULTS;
    }

    @Override
    public Backbone create(ConvPoolingConfig config) {
        return new ConvPoolingBackbone(config);
    }

    @Override
    public String description() {
        return "a 2D ResNet on each frame, its feature maps max-pooled over time (conv pooling)";
    }
}
