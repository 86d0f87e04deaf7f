package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link SlowFusionBackbone} as {@value #NAME}. */
public final class SlowFusionBackboneFactory implements BackboneFactory<SlowFusionConfig> {

    public static final String NAME = "slow_fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SlowFusionConfig> configType() {
        return SlowFusionConfig.class;
    }

    @Override
    public SlowFusionConfig defaultConfig() {
        return SlowFusionConfig.DEFAULTS;
    }

    @Override
    public Backbone create(SlowFusionConfig config) {
        return new SlowFusionBackbone(config);
    }

    @Override
    public String description() {
        return "3D convolutions whose temporal extents fuse the frames step by step (slow fusion)";
    }
}
