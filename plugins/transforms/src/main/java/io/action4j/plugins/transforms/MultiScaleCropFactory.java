package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link MultiScaleCropTransform} as {@value #NAME}. */
public final class MultiScaleCropFactory implements TransformFactory<MultiScaleCropConfig> {

    public static final String NAME = "multi_scale_crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MultiScaleCropConfig> configType() {
        return MultiScaleCropConfig.class;
    }

    @Override
    public MultiScaleCropConfig defaultConfig() {
        return MultiScaleCropConfig.DEFAULTS;
    }

    @Override
    public Transform create(MultiScaleCropConfig config) {
        return new MultiScaleCropTransform(config);
    }

    @Override
    public String description() {
        return "crop at a random scale of the short side, fixed-grid or random offset; boxes shifted and clamped";
    }
}
