package io.action4j.plugins.s3d;

import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.RecognitionHeadFactory;

/** Registers {@link S3dHead} as {@value #NAME}. */
public final class S3dHeadFactory implements RecognitionHeadFactory<S3dHeadConfig> {

    public static final String NAME = "s3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<S3dHeadConfig> configType() {
        return S3dHeadConfig.class;
    }

    @Override
    public S3dHeadConfig defaultConfig() {
        return S3dHeadConfig.DEFAULTS;
    }

    @Override
    public RecognitionHead create(S3dHeadConfig config) {
        return new S3dHead(config);
    }

    @Override
    public String description() {
        return "torchvision's S3D classifier: (2, 7, 7) average pool with stride 1, 1x1x1 conv, mean";
    }
}
