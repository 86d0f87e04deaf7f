package io.action4j.launcher;

import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Loads the config a command names, or the built-in default (torchvision's r3d_18 for Kinetics-400). */
final class ConfigSource {

    static final String DEFAULT_NAME = "builtin:r3d_18_k400";
    private static final String DEFAULT_RESOURCE = "/io/action4j/launcher/default-model.yaml";

    private ConfigSource() {
    }

    static ConfigTree load(ConfigLoader loader, Path file, List<String> overrides) {
        if (file != null) {
            return loader.load(file, overrides);
        }
        try (InputStream in = ConfigSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in config " + DEFAULT_RESOURCE + " is missing from the launcher JAR");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return loader.applyOverrides(loader.parse(text, DEFAULT_NAME), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
