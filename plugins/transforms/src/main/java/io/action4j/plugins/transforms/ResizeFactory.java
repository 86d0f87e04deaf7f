package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link ResizeTransform} as {@value #NAME}. */
public final class ResizeFactory implements TransformFactory<ResizeConfig> {

    public static final String NAME = "resize";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ResizeConfig> configType() {
        return ResizeConfig.class;
    }

    @Override
    public ResizeConfig defaultConfig() {
        return ResizeConfig.DEFAULTS;
    }

    @Override
    public Transform create(ResizeConfig config) {
        return new ResizeTransform(config);
    }

    @Override
    public String description() {
        return "resize (short side or [w, h], keep ratio), cv2 bilinear on uint8; boxes scaled";
    }
}
