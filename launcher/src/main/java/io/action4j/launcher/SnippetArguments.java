package io.action4j.launcher;

import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the commands that stream videos into snippets share: the config, overrides, key mapping, batch and seed. */
final class SnippetArguments {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "A config with model (a backbone; a locHead to localize), data (a snippet's pipeline) and "
                    + "windows (the snippets' length and stride).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--key-mapping", defaultValue = "auto", paramLabel = "NAME",
            description = "How checkpoint keys name graph variables (default: ${DEFAULT-VALUE}, from the keys).")
    String keyMapping;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "N",
            description = "Snippet views per backbone pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of sampling and of unloaded weights (default: ${DEFAULT-VALUE}).")
    long seed;

    ExperimentConfig bind(ConfigLoader loader, ConfigBinder binder) {
        return binder.bind(loader.load(config, overrides), ExperimentConfig.class);
    }
}
