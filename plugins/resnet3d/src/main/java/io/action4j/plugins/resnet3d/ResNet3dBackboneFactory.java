package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.CheckpointKeyMapping;
import java.util.List;

/** Registers {@link ResNet3dBackbone} as {@value #NAME}. */
public final class ResNet3dBackboneFactory implements BackboneFactory<ResNet3dConfig> {

    public static final String NAME = "resnet3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ResNet3dConfig> configType() {
        return ResNet3dConfig.class;
    }

    @Override
    public ResNet3dConfig defaultConfig() {
        return ResNet3dConfig.DEFAULTS;
    }

    @Override
    public Backbone create(ResNet3dConfig config) {
        return new ResNet3dBackbone(config);
    }

    @Override
    public String description() {
        return "3D ResNet (torchvision r3d_18, mc3_18, r2plus1d_18 via convType; MMAction2 ResNet3d / I3D via inflate; "
                + "depth 18-152), NCTHW input";
    }

    /** torchvision's checkpoints of this architecture load as they are. */
    @Override
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return TorchvisionKeyMappings.ALL;
    }
}
