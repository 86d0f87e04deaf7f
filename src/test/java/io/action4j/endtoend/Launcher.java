package io.action4j.endtoend;

import io.action4j.launcher.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the {@code action4j} command in this JVM and captures what it prints. */
public final class Launcher {

    record Result(int exitCode, String out, String err) {
    }

    private Launcher() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // No ACTION4J_PLUGINS and a HOME without ~/.action4j: only what a test names is loaded.
        Map<String, String> environment = Map.of("HOME", System.getProperty("java.io.tmpdir"));
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Result(code, out.toString(), err.toString());
    }

    /** The repository root (set by the launcher module's surefire configuration, else found upwards). */
    public static Path repository() {
        String configured = System.getProperty("action4j.repository");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/acme-plugin"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
