package io.action4j.api;

import io.action4j.api.detection.PersonBoxSourceFactory;
import io.action4j.api.flow.FlowEstimatorFactory;
import io.action4j.api.metric.MetricFactory;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.DetectionHeadFactory;
import io.action4j.api.model.LocalizationHeadFactory;
import io.action4j.api.model.RecognitionHeadFactory;
import io.action4j.api.sampling.ClipSamplerFactory;
import io.action4j.api.transform.TransformFactory;
import io.action4j.api.video.VideoReaderFactory;
import io.action4j.api.video.VideoWriterFactory;
import java.util.List;

/**
 * The root service of a plugin, found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/io.action4j.api.VideoPlugin}. Each method returns the factories
 * the plugin contributes for one {@link ComponentKind}; a plugin overrides only the kinds it has.
 */
public interface VideoPlugin {

    /**
     * The API version this source tree defines. A plugin returns it from {@link #apiVersion()};
     * being a compile-time constant, the value is copied into the plugin's class file, so the
     * host sees the version the plugin was built against, not its own.
     */
    String API_VERSION = "0.1";

    /** Must be implemented as {@code return VideoPlugin.API_VERSION;}. */
    String apiVersion();

    default List<VideoReaderFactory<?>> videoReaders() {
        return List.of();
    }

    default List<VideoWriterFactory<?>> videoWriters() {
        return List.of();
    }

    default List<ClipSamplerFactory<?>> clipSamplers() {
        return List.of();
    }

    default List<TransformFactory<?>> transforms() {
        return List.of();
    }

    default List<BackboneFactory<?>> backbones() {
        return List.of();
    }

    default List<RecognitionHeadFactory<?>> recognitionHeads() {
        return List.of();
    }

    default List<LocalizationHeadFactory<?>> localizationHeads() {
        return List.of();
    }

    default List<DetectionHeadFactory<?>> detectionHeads() {
        return List.of();
    }

    default List<PersonBoxSourceFactory<?>> personBoxSources() {
        return List.of();
    }

    default List<MetricFactory<?>> metrics() {
        return List.of();
    }

    default List<FlowEstimatorFactory<?>> flowEstimators() {
        return List.of();
    }
}
