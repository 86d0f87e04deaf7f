package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one output rule (api {@code AtomicFiles}), through a command that writes a file: checked before
 * any work, an earlier file kept by a failed run, devices written into, links followed. {@code eval
 * recognition} stands for every command because it is quick; each command calls the same checks.
 */
class OutputRuleEndToEndTest {

    @TempDir
    Path folder;

    private Path annotations;
    private Path predictions;

    @BeforeEach
    void writeInputs() throws Exception {
        annotations = Files.write(folder.resolve("val_list.txt"), List.of("a.mp4 1", "b.mp4 0"));
        predictions = Files.write(folder.resolve("pred.jsonl"), List.of(
                "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8]}",
                "{\"video\": \"b.mp4\", \"scores\": [0.6, 0.4]}"));
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTheInputsAreRead() {
        Path missingFolder = folder.resolve("typo/metrics.json");
        assertThat(eval(folder.resolve("never-read.jsonl"), missingFolder).err()).isEqualToIgnoringNewLines(
                "error: " + missingFolder + ": the folder " + missingFolder.getParent() + " does not exist; create it first");

        assertThat(eval(folder.resolve("never-read.jsonl"), folder).err())
                .isEqualToIgnoringNewLines("error: " + folder + ": is a folder; name a file");

        Launcher.Result proc = eval(folder.resolve("never-read.jsonl"), Path.of("/proc/x.json"));
        assertThat(proc.exitCode()).isEqualTo(1);
        assertThat(proc.err()).startsWith("error: /proc/x.json: cannot create files in /proc (").doesNotContain("Exception");
    }

    @Test
    void aFailedRunLeavesTheEarlierOutputAsItWas() throws Exception {
        Path metrics = folder.resolve("metrics.json");
        assertThat(eval(predictions, metrics).exitCode()).isZero();
        String earlier = Files.readString(metrics);
        assertThat(earlier).contains("\"acc/top1\" : 1.0");

        Path broken = Files.writeString(folder.resolve("broken.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [NaN, 1]}\n");
        Launcher.Result failed = eval(broken, metrics);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains(broken.toString());
        assertThat(metrics).hasContent(earlier.strip());
        try (var entries = Files.list(folder)) {
            assertThat(entries.map(Path::getFileName).map(Path::toString))
                    .containsExactlyInAnyOrder("val_list.txt", "pred.jsonl", "metrics.json", "broken.jsonl");
        }
    }

    @Test
    void aDeviceIsWrittenIntoAndALinkIsFollowed() throws Exception {
        Launcher.Result toNull = eval(predictions, Path.of("/dev/null"));
        assertThat(toNull.exitCode()).as(toNull.err()).isZero();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path real = Files.createDirectories(folder.resolve("results")).resolve("metrics.json");
        Path link = Files.createSymbolicLink(folder.resolve("latest.json"), Path.of("results/metrics.json"));
        Launcher.Result throughLink = eval(predictions, link);

        assertThat(throughLink.exitCode()).as(throughLink.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"acc/top1\" : 1.0");
    }

    private Launcher.Result eval(Path predictionsFile, Path out) {
        return Launcher.run("eval", "recognition", "--pred", predictionsFile.toString(), "--labels",
                annotations.toString(), "--out", out.toString());
    }
}
