package io.action4j.plugins.resnet3d;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/** The 3D ResNet backbones: {@code resnet3d} (r3d, mc3, R(2+1)D, I3D, SlowOnly, non-local) and {@code slowfast}. */
public final class ResNet3dPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new ResNet3dBackboneFactory(), new SlowFastBackboneFactory());
    }
}
