package io.action4j.spatiotemporal.run;

import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.model.DetectionHead;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.LoadedExperiment;
import io.action4j.engine.data.VideoReaders;
import io.action4j.engine.model.ComposedModel;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Detector} from a config file in a few lines, in the shape of {@code Recognizer.builder()}
 * and {@code Localizer.builder()}.
 *
 * <pre>{@code
 * try (Detector detector = Detector.builder().config(Path.of("slowonly_ava.yaml"))
 *         .checkpoint(Path.of("slowonly_ava.safetensors")).boxes("proposals.csv")
 *         .labelMap(Path.of("ava_action_list_v2.2.pbtxt")).build()) {
 *     DetectionResult result = detector.detect(Path.of("street.mp4"));
 * }
 * }</pre>
 */
public final class DetectorBuilder {

    private Path config;
    private final List<String> overrides = new ArrayList<>();
    private Checkpoint checkpoint;
    private PersonBoxSource boxSource;
    private String boxSourceName;
    private double minBoxScore;
    private Path labelMap;
    private final List<Path> pluginDirectories = new ArrayList<>();
    private DetectorOptions options = DetectorOptions.DEFAULTS;
    private ClassLoader classLoader = DetectorBuilder.class.getClassLoader();

    DetectorBuilder() {
    }

    /** The config file: {@code model} (backbone + roiHead), {@code data} (the keyframe clip's pipeline), {@code keyframes}. */
    public DetectorBuilder config(Path file) {
        this.config = Objects.requireNonNull(file, "config");
        return this;
    }

    /** Overrides as {@code --set} takes them: {@code keyframes.stride=0.5}. */
    public DetectorBuilder set(String... keyValues) {
        overrides.addAll(List.of(keyValues));
        return this;
    }

    /** The whole model's weights (an action4j checkpoint or an MMAction2 one, its mapping found from its keys). */
    public DetectorBuilder checkpoint(Path file) {
        this.checkpoint = Checkpoint.of(file);
        return this;
    }

    public DetectorBuilder checkpoint(Checkpoint checkpoint) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        return this;
    }

    /** The person boxes: a source of your own, closed with the detector. */
    public DetectorBuilder boxes(PersonBoxSource source) {
        this.boxSource = Objects.requireNonNull(source, "source");
        this.boxSourceName = null;
        return this;
    }

    /**
     * The person boxes by name: a registered source ({@code nanodet}, {@code hog}) or an AVA-format
     * CSV's path, whose boxes below {@code minScore} are dropped.
     */
    public DetectorBuilder boxes(String name, double minScore) {
        this.boxSourceName = Objects.requireNonNull(name, "name");
        this.minBoxScore = minScore;
        this.boxSource = null;
        return this;
    }

    /** An AVA label map ({@code .pbtxt}) naming the head's actions; only its actions are reported. */
    public DetectorBuilder labelMap(Path file) {
        this.labelMap = Objects.requireNonNull(file, "labelMap");
        return this;
    }

    public DetectorBuilder pluginDirectories(List<Path> directories) {
        pluginDirectories.addAll(directories);
        return this;
    }

    public DetectorBuilder options(DetectorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    public DetectorBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        return this;
    }

    /**
     * Checks the config, the label map and the box source before any video is read.
     *
     * @throws IllegalStateException when no config or no box source was given
     * @throws IllegalArgumentException naming the label map when its ids are not the head's classes
     * @throws UncheckedIOException naming the file when the label map or a box file cannot be read
     */
    public Detector build() {
        if (config == null) {
            throw new IllegalStateException("Detector.builder(): config(file) is required");
        }
        if (boxSource == null && boxSourceName == null) {
            throw new IllegalStateException("Detector.builder(): boxes(...) is required: where the people on each "
                    + "keyframe come from");
        }
        LoadedExperiment loaded = LoadedExperiment.load(config, overrides, classLoader, pluginDirectories);
        if (loaded.config().model() == null || loaded.config().model().roiHead() == null) {
            throw new IllegalArgumentException(config + ": detecting actions needs a model with a backbone and a "
                    + "roiHead");
        }
        int numClasses = loaded.config().model().roiHead().create(DetectionHead.class).numClasses();
        ActionLabels labels;
        try {
            labels = labelMap == null ? ActionLabels.unnamed()
                    : ActionLabels.of(labelMap, AvaLabelMapReader.read(labelMap), numClasses);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        PersonBoxSource boxes;
        try {
            boxes = boxSource != null ? boxSource : PersonBoxSources.open(loaded.registry(), boxSourceName, minBoxScore);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return new Detector(loaded.config(), VideoReaders.byPath(loaded.registry()).decodersFor(loaded.config()),
                weights(checkpoint), boxes, options, labels);
    }

    private static Consumer<ComposedModel> weights(Checkpoint checkpoint) {
        return model -> {
            if (checkpoint != null) {
                checkpoint.loadAllInto(model, "detector");
            }
        };
    }
}
