package io.action4j.endtoend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java program in a JVM of its own (a process loads one ND4J library for good; a program must be run as a
 * user runs it), on this test JVM's class path with any entries put in front.
 */
final class ChildJvm {

    record Result(int exitCode, String stdout, String stderr) {

        /** Both streams, stdout first, for assertions on what the program said anywhere. */
        String output() {
            return stdout + stderr;
        }
    }

    private ChildJvm() {
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx1g}
     * @param classPathFirst folders or JARs put before this JVM's class path
     * @param environment variables set (a null value removes one)
     * @param folder where the program's output is kept
     */
    static Result run(List<String> jvmOptions, List<Path> classPathFirst, String mainClass, List<String> args,
                      Map<String, String> environment, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        List<String> classPath = new ArrayList<>(classPathFirst.stream().map(Path::toString).toList());
        classPath.add(System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), mainClass));
        command.addAll(args);
        String run = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + System.nanoTime();
        Path out = folder.resolve(run + ".out");
        Path err = folder.resolve(run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass + " " + args + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * {@link #run} of the launcher with the process's file-size limit ({@code ulimit -f}, 1 KB blocks) set to
     * {@code kilobytes}: every write past it fails with "File too large" (the JVM ignores SIGXFSZ), as on a
     * full disk. Its output comes through pipes, which the limit does not cover.
     */
    static Result runWithFileSizeLimit(int kilobytes, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + kilobytes + " && exec \"$@\"",
                "limited", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                "io.action4j.launcher.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> read(process.getInputStream()));
        java.util.concurrent.CompletableFuture<String> stderr = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> read(process.getErrorStream()));
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("action4j " + args + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
