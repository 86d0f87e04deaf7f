package io.action4j.localization.run;

import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.LoadedExperiment;
import io.action4j.engine.data.VideoReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Localizer} from a config file in a few lines, in the shape of {@code Recognizer.builder()}.
 * Weights: one checkpoint of the whole model (the backbone's and the head's tensors), or one for each
 * part, e.g. a recognizer's checkpoint for the backbone and an MMAction2 BMN checkpoint for the head.
 * A part's checkpoint must hold every tensor of that part; tensors of the other part are left over.
 *
 * <pre>{@code
 * try (Localizer localizer = Localizer.builder().config(Path.of("bmn_r3d.yaml"))
 *         .checkpoint(Path.of("bmn_r3d.safetensors")).build()) {
 *     LocalizationResult result = localizer.localize(Path.of("match.mp4"));
 * }
 * }</pre>
 */
public final class LocalizerBuilder {

    private Path config;
    private final List<String> overrides = new ArrayList<>();
    private LocalizerWeights weights = LocalizerWeights.NONE;
    private final List<Path> pluginDirectories = new ArrayList<>();
    private LocalizerOptions options = LocalizerOptions.DEFAULTS;
    private ClassLoader classLoader = LocalizerBuilder.class.getClassLoader();

    LocalizerBuilder() {
    }

    /** The config file: {@code model} (backbone + locHead), {@code data} (a snippet's pipeline), {@code windows}. */
    public LocalizerBuilder config(Path file) {
        this.config = Objects.requireNonNull(file, "config");
        return this;
    }

    /** Overrides as {@code --set} takes them: {@code model.locHead.softNmsAlpha=0.5}. */
    public LocalizerBuilder set(String... keyValues) {
        overrides.addAll(List.of(keyValues));
        return this;
    }

    /** Weights for the whole model: the same file gives the backbone and the head theirs. */
    public LocalizerBuilder checkpoint(Path file) {
        weights = LocalizerWeights.whole(file);
        return this;
    }

    /** The backbone's weights (a recognizer's checkpoint will do: its head's tensors are left over). */
    public LocalizerBuilder backboneCheckpoint(Checkpoint checkpoint) {
        weights = weights.withBackbone(checkpoint);
        return this;
    }

    /** The localization head's weights (an MMAction2 BMN checkpoint, its mapping found from its keys). */
    public LocalizerBuilder headCheckpoint(Checkpoint checkpoint) {
        weights = weights.withHead(checkpoint);
        return this;
    }

    public LocalizerBuilder pluginDirectories(List<Path> directories) {
        pluginDirectories.addAll(directories);
        return this;
    }

    public LocalizerBuilder options(LocalizerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    public LocalizerBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        return this;
    }

    /**
     * @throws IllegalStateException when no config was given
     * @throws io.action4j.registry.config.ConfigException naming the file and key of a bad config
     */
    public Localizer build() {
        if (config == null) {
            throw new IllegalStateException("Localizer.builder(): config(file) is required");
        }
        LoadedExperiment loaded = LoadedExperiment.load(config, overrides, classLoader, pluginDirectories);
        return new Localizer(loaded.config(), VideoReaders.byPath(loaded.registry()).decodersFor(loaded.config()),
                weights, options, loaded.binder().toJson(loaded.config()));
    }
}
