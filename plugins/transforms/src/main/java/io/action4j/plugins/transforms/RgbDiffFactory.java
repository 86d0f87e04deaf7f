package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link RgbDiffTransform} as {@value #NAME}. */
public final class RgbDiffFactory implements TransformFactory<RgbDiffConfig> {

    public static final String NAME = "rgb_diff";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RgbDiffConfig> configType() {
        return RgbDiffConfig.class;
    }

    @Override
    public RgbDiffConfig defaultConfig() {
        return RgbDiffConfig.DEFAULTS;
    }

    @Override
    public Transform create(RgbDiffConfig config) {
        return new RgbDiffTransform(config);
    }

    @Override
    public String description() {
        return "consecutive-frame differences (TSN's RGB difference), one frame fewer a clip; keepRgb appends them "
                + "to each frame's own channels";
    }
}
