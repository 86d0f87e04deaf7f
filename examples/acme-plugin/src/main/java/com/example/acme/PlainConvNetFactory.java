package com.example.acme;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Third-party names carry a prefix: {@value #NAME}. */
public final class PlainConvNetFactory implements BackboneFactory<PlainConvNetConfig> {

    public static final String NAME = "acme.plain3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PlainConvNetConfig> configType() {
        return PlainConvNetConfig.class;
    }

    @Override
    public PlainConvNetConfig defaultConfig() {
        return PlainConvNetConfig.DEFAULTS;
    }

    @Override
    public Backbone create(PlainConvNetConfig config) {
        return new PlainConvNet(config);
    }

    @Override
    public String description() {
        return "ACME's plain 3D CNN (example third-party plugin)";
    }
}
