package io.action4j.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.action4j.api.io.FileMessages;
import io.action4j.api.model.GraphBuildException;
import io.action4j.engine.checkpoint.CheckpointException;
import io.action4j.nativebuilds.Nd4jBuildException;
import io.action4j.nativebuilds.Nd4jBuilds;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.RegistryException;
import io.action4j.registry.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code action4j} command: builds the registry, then the injector, then runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, System.getenv()));
    }

    /** Runs one command; returns its exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        try {
            // Before anything loads ND4J: a forced build this CPU cannot run is one line, never a SIGILL.
            Nd4jBuilds.select();
        } catch (Nd4jBuildException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        List<Path> pluginDirectories = PluginDirectories.resolve(args, environment);
        PluginRegistry registry = PluginLoader.load(Main.class.getClassLoader(), pluginDirectories);
        Injector injector = Guice.createInjector(new LauncherModule(registry));
        CommandLine commandLine = new CommandLine(Action4jCommand.class, new GuiceFactory(injector))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    reportFailure(error, command.getErr());
                    return 1;
                });
        boolean listsPlugins = args.length > 0 && List.of(args).contains("plugins");
        if (!registry.problems().isEmpty() && !listsPlugins) {
            err.println("warning: " + registry.problems().size() + " plugin problem(s); run 'action4j plugins' for details");
        }
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // The allocation that failed was large, so there is room to say so; a stack trace would only add noise.
            err.println("error: " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
            err.flush();
            return 1;
        }
    }

    /** What ran out (the Java heap or ND4J's native memory) and which setting gives more. */
    static String outOfMemory(OutOfMemoryError error, long maxHeapBytes) {
        String what = error.getMessage() == null ? "" : error.getMessage();
        boolean nativeMemory = what.contains("Physical memory") || what.contains("maxPhysicalBytes")
                || what.contains("maxBytes") || what.contains("Direct buffer");
        String limit = nativeMemory
                ? "native memory (ND4J's arrays) ran out; raise its limit with ACTION4J_JAVA_OPTS="
                        + "\"-Dorg.bytedeco.javacpp.maxPhysicalBytes=24G -Dorg.bytedeco.javacpp.maxBytes=20G\""
                : "the Java heap (" + maxHeapBytes / (1024 * 1024) + " MB) ran out; give it more with ACTION4J_JAVA_OPTS=-Xmx8g";
        return "out of memory: " + limit + ", or use a smaller --batch, input or window"
                + (what.isEmpty() ? "" : " (" + what + ")");
    }

    /** Known failures print one clear line; anything else keeps its stack trace, which is a bug to report. */
    private static void reportFailure(Exception error, PrintWriter err) {
        // Problems with the user's files and settings: their messages name the file, key or layer.
        if (error instanceof IOException io) {
            err.println("error: " + FileMessages.describe(io));
        } else if (error instanceof UncheckedIOException unchecked) {
            // An I/O error carried out of code that cannot throw one (a batch iterator): said as the error itself.
            err.println("error: " + describe(unchecked));
        } else if (error instanceof ConfigException || error instanceof RegistryException
                || error instanceof CheckpointException
                || error instanceof GraphBuildException || error instanceof IllegalArgumentException) {
            err.println("error: " + error.getMessage());
        } else {
            err.println("error: " + error);
            error.printStackTrace(err);
        }
        err.flush();
    }

    /** The I/O error an unchecked one carries, after the carrier's own words where it has any. */
    static String describe(UncheckedIOException unchecked) {
        IOException cause = unchecked.getCause();
        String own = unchecked.getMessage();
        String reason = FileMessages.describe(cause);
        boolean carrierOnly = own == null || own.equals(cause.toString()) || own.equals(cause.getMessage());
        return carrierOnly || reason.startsWith(own) ? reason : own + " (" + reason + ")";
    }

    /** Lets picocli create the launcher's commands through Guice. */
    private static final class GuiceFactory implements CommandLine.IFactory {

        private final Injector injector;

        GuiceFactory(Injector injector) {
            this.injector = injector;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().equals(Main.class.getPackageName())) {
                return injector.getInstance(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
