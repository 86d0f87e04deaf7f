package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command script ({@code distribution/src/bin/action4j}, which {@code ./action4j} and the installed
 * {@code bin/action4j} both run): a JVM that dies leaves its report in {@code ~/.action4j/crashes}, not
 * in the user's folder, and one line says where it is and what a bug report needs. The crash is a real
 * one: a heap far too small with {@code -XX:+CrashOnOutOfMemoryError}.
 */
class CrashReportEndToEndTest {

    @TempDir
    Path home;

    @Test
    void crashedJvmLeavesItsReportInTheCrashFolderAndSaysSo() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));

        Run run = script(work, "-Xmx12m -XX:+CrashOnOutOfMemoryError", "info");

        Path crashes = home.resolve(".action4j/crashes");
        List<Path> reports;
        try (Stream<Path> files = Files.list(crashes)) {
            reports = files.toList();
        }
        assertThat(run.status()).isEqualTo(134);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).getFileName().toString()).matches("hs_err_pid\\d+\\.log");
        assertThat(run.stderr()).contains("action4j: the Java VM crashed (exit status 134); its report is "
                + reports.get(0) + ". Please attach it to a bug report, with the output of 'action4j info --format json'.")
                .doesNotContain("Aborted");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void ordinaryRunKeepsItsStatusAndSaysNothingMore() throws Exception {
        Run run = script(home, "-Xmx1g", "frobnicate");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).contains("frobnicate").doesNotContain("crashed");
    }

    private record Run(int status, String stderr) {
    }

    private Run script(Path directory, String javaOptions, String... args) throws IOException, InterruptedException {
        Path script = Launcher.repository().resolve("distribution/src/bin/action4j");
        List<String> command = Stream.concat(Stream.of(script.toString()), Stream.of(args)).toList();
        Path stderr = home.resolve("stderr-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("ACTION4J_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("ACTION4J_JAVA_OPTS", javaOptions);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("ACTION4J_CRASH_DIR");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the action4j script did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(stderr));
    }
}
