package io.action4j.launcher;

import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import io.action4j.registry.config.ExperimentConfig;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j config ...}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect configs.",
        subcommands = ConfigCommand.Show.class)
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j config show FILE [--set ...]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Prints the fully resolved config: _base_ files merged, --set overrides applied, "
                    + "every component's defaults filled in, every value checked."})
    static final class Show implements Callable<Integer> {

        private final ConfigLoader loader;
        private final ConfigBinder binder;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
                description = "A YAML or JSON config (default: the built-in r3d_18 Kinetics-400 model).")
        Path file;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Override a key, e.g. --set model.backbone.depth=34 (repeatable; the value is read as YAML).")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Inject
        Show(ConfigLoader loader, ConfigBinder binder) {
            this.loader = loader;
            this.binder = binder;
        }

        @Override
        public Integer call() {
            ConfigTree tree = ConfigSource.load(loader, file, overrides);
            ExperimentConfig config = binder.bind(tree, ExperimentConfig.class);
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == OutputFormat.JSON ? binder.toJson(config) + System.lineSeparator() : binder.toYaml(config));
            out.flush();
            return 0;
        }
    }
}
