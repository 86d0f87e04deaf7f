package com.example.acme;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/** The example plugin's root: listed in META-INF/services/io.action4j.api.VideoPlugin. */
public final class AcmePlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        // A compile-time constant: the version this plugin was built against is baked in here.
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new PlainConvNetFactory());
    }
}
