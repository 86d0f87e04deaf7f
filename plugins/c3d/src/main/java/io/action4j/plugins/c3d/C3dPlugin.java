package io.action4j.plugins.c3d;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/** The C3D backbone. */
public final class C3dPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new C3dBackboneFactory());
    }
}
