package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link CenterCropTransform} as {@value #NAME}. */
public final class CenterCropFactory implements TransformFactory<CenterCropConfig> {

    public static final String NAME = "center_crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CenterCropConfig> configType() {
        return CenterCropConfig.class;
    }

    @Override
    public CenterCropConfig defaultConfig() {
        return CenterCropConfig.DEFAULTS;
    }

    @Override
    public Transform create(CenterCropConfig config) {
        return new CenterCropTransform(config);
    }

    @Override
    public String description() {
        return "centre crop; boxes shifted and clamped";
    }
}
