package io.action4j.api;

import java.util.List;
import java.util.function.Function;

/** The kinds of components a {@link VideoPlugin} can contribute, each with its own namespace of names. */
public enum ComponentKind {
    VIDEO_READER("video reader", VideoPlugin::videoReaders),
    VIDEO_WRITER("video writer", VideoPlugin::videoWriters),
    CLIP_SAMPLER("clip sampler", VideoPlugin::clipSamplers),
    TRANSFORM("transform", VideoPlugin::transforms),
    BACKBONE("backbone", VideoPlugin::backbones),
    RECOGNITION_HEAD("recognition head", VideoPlugin::recognitionHeads),
    LOCALIZATION_HEAD("localization head", VideoPlugin::localizationHeads),
    DETECTION_HEAD("detection head", VideoPlugin::detectionHeads),
    PERSON_BOX_SOURCE("person box source", VideoPlugin::personBoxSources),
    METRIC("metric", VideoPlugin::metrics),
    FLOW_ESTIMATOR("flow estimator", VideoPlugin::flowEstimators);

    private final String label;
    private final Function<VideoPlugin, List<? extends ComponentFactory<?, ?>>> lister;

    ComponentKind(String label, Function<VideoPlugin, List<? extends ComponentFactory<?, ?>>> lister) {
        this.label = label;
        this.lister = lister;
    }

    /** Human-readable, e.g. {@code "recognition head"}. */
    public String label() {
        return label;
    }

    /** The factories of this kind that {@code plugin} contributes. */
    public List<? extends ComponentFactory<?, ?>> factoriesOf(VideoPlugin plugin) {
        List<? extends ComponentFactory<?, ?>> factories = lister.apply(plugin);
        return factories == null ? List.of() : factories;
    }
}
