package io.action4j.plugins.transforms;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Registers {@link NormalizeTransform} as {@value #NAME}. */
public final class NormalizeFactory implements TransformFactory<NormalizeConfig> {

    public static final String NAME = "normalize";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NormalizeConfig> configType() {
        return NormalizeConfig.class;
    }

    @Override
    public NormalizeConfig defaultConfig() {
        return NormalizeConfig.DEFAULTS;
    }

    @Override
    public Transform create(NormalizeConfig config) {
        return new NormalizeTransform(config);
    }

    @Override
    public String description() {
        return "(x - mean) / std per channel, float32";
    }
}
