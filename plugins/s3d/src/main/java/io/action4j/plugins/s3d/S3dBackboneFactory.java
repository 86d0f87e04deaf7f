package io.action4j.plugins.s3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.CheckpointKeyMapping;
import java.util.List;

/** Registers {@link S3dBackbone} as {@value #NAME}. */
public final class S3dBackboneFactory implements BackboneFactory<S3dConfig> {

    public static final String NAME = "s3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<S3dConfig> configType() {
        return S3dConfig.class;
    }

    @Override
    public S3dConfig defaultConfig() {
        return S3dConfig.DEFAULTS;
    }

    @Override
    public Backbone create(S3dConfig config) {
        return new S3dBackbone(config);
    }

    @Override
    public String description() {
        return "S3D (torchvision s3d features: separable 3D convolutions, inception blocks), NCTHW input, "
                + "1024 channels at T/8 x H/32 x W/32";
    }

    /** torchvision's checkpoints of this architecture load as they are. */
    @Override
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return List.of(TorchvisionS3dKeys.MAPPING);
    }
}
