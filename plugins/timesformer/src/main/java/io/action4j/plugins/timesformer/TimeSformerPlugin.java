package io.action4j.plugins.timesformer;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.RecognitionHeadFactory;
import java.util.List;

/** MMAction2's TimeSformer backbone and its head. */
public final class TimeSformerPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new TimeSformerBackboneFactory());
    }

    @Override
    public List<RecognitionHeadFactory<?>> recognitionHeads() {
        return List.of(new TimeSformerHeadFactory());
    }
}
