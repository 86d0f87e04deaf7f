package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link SlowFastBackbone} as {@value #NAME}. */
public final class SlowFastBackboneFactory implements BackboneFactory<SlowFastConfig> {

    public static final String NAME = "slowfast";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SlowFastConfig> configType() {
        return SlowFastConfig.class;
    }

    @Override
    public SlowFastConfig defaultConfig() {
        return SlowFastConfig.DEFAULTS;
    }

    @Override
    public Backbone create(SlowFastConfig config) {
        return new SlowFastBackbone(config);
    }

    @Override
    public String description() {
        return "SlowFast (MMAction2 ResNet3dSlowFast, R50 4x16x1 by default): both pathways average-pooled and "
                + "concatenated (fast first) to N x C x 1 x 1 x 1, for the i3d head; NCTHW input at the fast rate";
    }
}
