package io.action4j.registry.fakes;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.DetectionHeadFactory;
import io.action4j.api.model.LocalizationHeadFactory;
import io.action4j.api.model.RecognitionHeadFactory;
import java.util.List;

/** Small but real components for registry tests, registered on the test class path. */
public final class FakePlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new TinyBackboneFactory());
    }

    @Override
    public List<RecognitionHeadFactory<?>> recognitionHeads() {
        return List.of(new TinyHeadFactory());
    }

    @Override
    public List<LocalizationHeadFactory<?>> localizationHeads() {
        return List.of(new TinyLocalizationHeadFactory());
    }

    @Override
    public List<DetectionHeadFactory<?>> detectionHeads() {
        return List.of(new TinyDetectionHeadFactory());
    }
}
