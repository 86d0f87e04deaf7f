package io.action4j.launcher;

import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.config.ConfigBinder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigArguments configArguments;

        @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Override
        public Integer call() {
            ExperimentConfig config = configArguments.bind(configArguments.tree());
            ConfigBinder binder = configArguments.binder();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == OutputFormat.JSON ? binder.toJson(config) + System.lineSeparator() : binder.toYaml(config));
            out.flush();
            return 0;
        }
    }
}
