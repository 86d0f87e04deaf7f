package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link FlipTransform} as {@value #NAME}. */
public final class FlipFactory implements TransformFactory<FlipConfig> {

    public static final String NAME = "flip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FlipConfig> configType() {
        return FlipConfig.class;
    }

    @Override
    public FlipConfig defaultConfig() {
        return FlipConfig.DEFAULTS;
    }

    @Override
    public Transform create(FlipConfig config) {
        return new FlipTransform(config);
    }

    @Override
    public String description() {
        return "random horizontal (or vertical) flip; boxes mirrored; flow x inverted";
    }
}
