package io.action4j.launcher;

import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The config a command works on: a file (or the built-in default, torchvision's r3d_18 for
 * Kinetics-400) plus {@code --set} overrides, loaded and bound strictly.
 */
final class ConfigArguments {

    static final String DEFAULT_NAME = "builtin:r3d_18_k400";
    private static final String DEFAULT_RESOURCE = "/io/action4j/launcher/default-model.yaml";

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "A YAML or JSON config (default: the built-in r3d_18 Kinetics-400 model).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set model.backbone.depth=34 (repeatable; the value is read as YAML).")
    List<String> overrides = new ArrayList<>();

    @Inject
    ConfigArguments(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    /** The merged tree, before binding. */
    ConfigTree tree() {
        return load(loader, file, overrides);
    }

    /** {@code file} with its bases and overrides, or the built-in default when {@code file} is null. */
    static ConfigTree load(ConfigLoader loader, Path file, List<String> overrides) {
        if (file != null) {
            return loader.load(file, overrides);
        }
        try (InputStream in = ConfigArguments.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in config " + DEFAULT_RESOURCE + " is missing from the launcher JAR");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return loader.applyOverrides(loader.parse(text, DEFAULT_NAME), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ExperimentConfig bind(ConfigTree tree) {
        return binder.bind(tree, ExperimentConfig.class);
    }

    /** The config file, or the built-in default's name. */
    String describe() {
        return file != null ? file.toString() : DEFAULT_NAME;
    }

    ConfigLoader loader() {
        return loader;
    }

    ConfigBinder binder() {
        return binder;
    }
}
