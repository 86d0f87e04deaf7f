package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link RandomResizedCropTransform} as {@value #NAME}. */
public final class RandomResizedCropFactory implements TransformFactory<RandomResizedCropConfig> {

    public static final String NAME = "random_resized_crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RandomResizedCropConfig> configType() {
        return RandomResizedCropConfig.class;
    }

    @Override
    public RandomResizedCropConfig defaultConfig() {
        return RandomResizedCropConfig.DEFAULTS;
    }

    @Override
    public Transform create(RandomResizedCropConfig config) {
        return new RandomResizedCropTransform(config);
    }

    @Override
    public String description() {
        return "random crop by area share and aspect ratio; boxes shifted and clamped";
    }
}
