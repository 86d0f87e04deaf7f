package io.action4j.plugins.c3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link C3dBackbone} as {@value #NAME}. */
public final class C3dBackboneFactory implements BackboneFactory<C3dConfig> {

    public static final String NAME = "c3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<C3dConfig> configType() {
        return C3dConfig.class;
    }

    @Override
    public C3dConfig defaultConfig() {
        return C3dConfig.DEFAULTS;
    }

    @Override
    public Backbone create(C3dConfig config) {
        return new C3dBackbone(config);
    }

    @Override
    public String description() {
        return "C3D as MMAction2 builds it (conv1a..conv5b, fc6, fc7), 3x16x112x112 input, N x 4096 output";
    }
}
