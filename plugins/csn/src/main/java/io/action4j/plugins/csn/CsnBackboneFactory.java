package io.action4j.plugins.csn;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link CsnBackbone} as {@value #NAME}. */
public final class CsnBackboneFactory implements BackboneFactory<CsnConfig> {

    public static final String NAME = "csn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CsnConfig> configType() {
        return CsnConfig.class;
    }

    @Override
    public CsnConfig defaultConfig() {
        return CsnConfig.DEFAULTS;
    }

    @Override
    public Backbone create(CsnConfig config) {
        return new CsnBackbone(config);
    }

    @Override
    public String description() {
        return "Channel-separated 3D ResNet (MMAction2 ResNet3dCSN: ir-CSN / ip-CSN, depth 50-152), NCTHW input";
    }
}
