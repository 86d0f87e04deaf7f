package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link ColorJitterTransform} as {@value #NAME}. */
public final class ColorJitterFactory implements TransformFactory<ColorJitterConfig> {

    public static final String NAME = "color_jitter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ColorJitterConfig> configType() {
        return ColorJitterConfig.class;
    }

    @Override
    public ColorJitterConfig defaultConfig() {
        return ColorJitterConfig.DEFAULTS;
    }

    @Override
    public Transform create(ColorJitterConfig config) {
        return new ColorJitterTransform(config);
    }

    @Override
    public String description() {
        return "brightness, contrast, saturation, hue jitter on uint8 RGB";
    }
}
