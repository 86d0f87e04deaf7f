package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg writes to the process's own stderr, past Java's streams: so the launcher runs in a JVM of its own.
 * By default a broken video gives one error line, in action4j's words; {@code --verbose} adds FFmpeg's.
 */
class NativeLogsEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void ffmpegIsQuietUnlessVerbose() throws Exception {
        byte[] video = Files.readAllBytes(PipelineShowEndToEndTest.demoVideo());
        Path broken = Files.write(folder.resolve("broken.mp4"), Arrays.copyOf(video, video.length / 3));

        ChildJvm.Result quiet = check(broken.toString());
        ChildJvm.Result verbose = check("--verbose", broken.toString());

        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.stderr().lines().filter(line -> line.startsWith("["))).as(quiet.stderr()).isEmpty();
        assertThat(quiet.output()).contains(broken.toString());
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.stderr().lines().filter(line -> line.startsWith("["))).as(verbose.stderr()).isNotEmpty();
    }

    private ChildJvm.Result check(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("video", "check"));
        command.addAll(List.of(args));
        return ChildJvm.run(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), List.of(), "io.action4j.launcher.Main",
                command, Map.of(), folder);
    }
}
