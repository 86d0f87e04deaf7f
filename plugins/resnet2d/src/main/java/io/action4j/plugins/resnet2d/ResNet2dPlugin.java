package io.action4j.plugins.resnet2d;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/** The 2D ResNet backbone of TSN and TSM. */
public final class ResNet2dPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new ResNet2dBackboneFactory());
    }
}
