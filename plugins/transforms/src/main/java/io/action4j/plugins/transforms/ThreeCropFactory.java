package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link ThreeCropTransform} as {@value #NAME}. */
public final class ThreeCropFactory implements TransformFactory<ThreeCropConfig> {

    public static final String NAME = "three_crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ThreeCropConfig> configType() {
        return ThreeCropConfig.class;
    }

    @Override
    public ThreeCropConfig defaultConfig() {
        return ThreeCropConfig.DEFAULTS;
    }

    @Override
    public Transform create(ThreeCropConfig config) {
        return new ThreeCropTransform(config);
    }

    @Override
    public String description() {
        return "test-time left/right/middle crops (numCrops x3)";
    }
}
