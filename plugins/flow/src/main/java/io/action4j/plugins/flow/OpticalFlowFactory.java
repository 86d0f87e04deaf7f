package io.action4j.plugins.flow;

import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;

/** Creates {@link OpticalFlowTransform}, transform {@value #NAME}: flow on the fly, no extraction pass. */
public final class OpticalFlowFactory implements TransformFactory<OpticalFlowConfig> {

    public static final String NAME = "optical_flow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OpticalFlowConfig> configType() {
        return OpticalFlowConfig.class;
    }

    @Override
    public OpticalFlowConfig defaultConfig() {
        return OpticalFlowConfig.DEFAULTS;
    }

    @Override
    public Transform create(OpticalFlowConfig config) {
        return new OpticalFlowTransform(config);
    }

    @Override
    public String description() {
        return "dense optical flow of consecutive frames inside the pipeline (L + 1 frames -> L flow images), "
                + "valued as stored flow JPEGs are; keepRgb puts each source frame before its flow";
    }
}
