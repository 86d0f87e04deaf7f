package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link TwoStreamFusionBackbone} as {@value #NAME}. */
public final class TwoStreamFusionBackboneFactory implements BackboneFactory<TwoStreamFusionConfig> {

    public static final String NAME = "two_stream_fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TwoStreamFusionConfig> configType() {
        return TwoStreamFusionConfig.class;
    }

    @Override
    public TwoStreamFusionConfig defaultConfig() {
        return TwoStreamFusionConfig.DEFAULTS;
    }

    @Override
    public Backbone create(TwoStreamFusionConfig config) {
        return new TwoStreamFusionBackbone(config);
    }

    @Override
    public String description() {
        return "RGB and motion 2D ResNets fused at a chosen stage: sum, max, concat, conv, bilinear or conv3d + 3D pooling";
    }
}
