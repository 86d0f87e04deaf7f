package io.action4j.plugins.csn;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/** Channel-separated networks: MMAction2's ResNet3dCSN (ir-CSN and ip-CSN). */
public final class CsnPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new CsnBackboneFactory());
    }
}
