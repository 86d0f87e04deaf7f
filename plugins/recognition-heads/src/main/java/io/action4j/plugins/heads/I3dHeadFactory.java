package io.action4j.plugins.heads;

import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.RecognitionHeadFactory;

/** Registers {@link I3dHead} as {@value #NAME}. */
public final class I3dHeadFactory implements RecognitionHeadFactory<I3dHeadConfig> {

    public static final String NAME = "i3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<I3dHeadConfig> configType() {
        return I3dHeadConfig.class;
    }

    @Override
    public I3dHeadConfig defaultConfig() {
        return I3dHeadConfig.DEFAULTS;
    }

    @Override
    public RecognitionHead create(I3dHeadConfig config) {
        return new I3dHead(config);
    }

    @Override
    public String description() {
        return "I3D-style head: global average pooling + linear classifier";
    }
}
