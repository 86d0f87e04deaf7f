package io.action4j.engine.recognition;

import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.LoadedExperiment;
import io.action4j.engine.data.VideoReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Recognizer} from a config file in a few lines: the plugins on the class path (and in any
 * plugin folders given), the config with its {@code _base_} files and overrides, an optional checkpoint
 * (its key mapping detected), video readers chosen by path unless the config names one.
 *
 * <pre>{@code
 * try (Recognizer recognizer = Recognizer.builder()
 *         .config(Path.of("r3d.yaml")).checkpoint(Path.of("r3d.pth")).build()) {
 *     ClipScores scores = recognizer.recognize(Path.of("video.mp4"));
 * }
 * }</pre>
 */
public final class RecognizerBuilder {

    private Path config;
    private final List<String> overrides = new ArrayList<>();
    private Checkpoint checkpoint;
    private final List<Path> pluginDirectories = new ArrayList<>();
    private RecognitionOptions options = RecognitionOptions.DEFAULTS;
    private ClassLoader classLoader = RecognizerBuilder.class.getClassLoader();

    RecognizerBuilder() {
    }

    /** The config file (YAML or JSON, with {@code model} and {@code data} sections); required. */
    public RecognizerBuilder config(Path file) {
        this.config = Objects.requireNonNull(file, "config");
        return this;
    }

    /** Overrides as {@code --set} takes them: {@code model.clsHead.numClasses=9}. */
    public RecognizerBuilder set(String... keyValues) {
        overrides.addAll(List.of(keyValues));
        return this;
    }

    /** Weights from a PyTorch, safetensors or action4j checkpoint, its key mapping detected, loaded strictly. */
    public RecognizerBuilder checkpoint(Path file) {
        return checkpoint(Checkpoint.of(file));
    }

    /** Weights with a chosen key mapping or strictness. Without a checkpoint the model keeps its seeded weights. */
    public RecognizerBuilder checkpoint(Checkpoint checkpoint) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        return this;
    }

    /** Folders of plugin JARs to load besides the class path. */
    public RecognizerBuilder pluginDirectories(List<Path> directories) {
        pluginDirectories.addAll(directories);
        return this;
    }

    /** How views are averaged and how many go through the model at once ({@link RecognitionOptions#DEFAULTS}). */
    public RecognizerBuilder options(RecognitionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /** Where the built-in plugins are found (the class loader that loaded action4j, by default). */
    public RecognizerBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        return this;
    }

    /**
     * Loads the plugins, binds the config and prepares the recognizer; the model is built and the checkpoint
     * read on first use.
     *
     * @throws IllegalStateException when no config was given
     * @throws io.action4j.registry.config.ConfigException naming the file and key of a bad config
     */
    public Recognizer build() {
        if (config == null) {
            throw new IllegalStateException("Recognizer.builder(): config(file) is required");
        }
        LoadedExperiment loaded = LoadedExperiment.load(config, overrides, classLoader, pluginDirectories);
        ExperimentConfig experiment = loaded.config();
        Checkpoint weights = checkpoint;
        return new Recognizer(experiment, VideoReaders.byPath(loaded.registry()).decodersFor(experiment),
                model -> {
                    if (weights != null) {
                        weights.loadInto(model);
                    }
                }, options);
    }
}
