package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link TenCropTransform} as {@value #NAME}. */
public final class TenCropFactory implements TransformFactory<TenCropConfig> {

    public static final String NAME = "ten_crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TenCropConfig> configType() {
        return TenCropConfig.class;
    }

    @Override
    public TenCropConfig defaultConfig() {
        return TenCropConfig.DEFAULTS;
    }

    @Override
    public Transform create(TenCropConfig config) {
        return new TenCropTransform(config);
    }

    @Override
    public String description() {
        return "test-time corner and centre crops with flipped copies (numCrops x10)";
    }
}
