package io.action4j.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporary() throws IOException {
        Path target = Files.createDirectories(folder.resolve("nested")).resolve("last_checkpoint");
        AtomicFiles.writeString(target, "epoch_1.safetensors\n");
        AtomicFiles.writeDurably(target, temporary -> Files.writeString(temporary, "epoch_2.safetensors\n"));

        assertThat(target).hasContent("epoch_2.safetensors");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(entries(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporary() throws IOException {
        Path target = folder.resolve("model.safetensors");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half of the new");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage(target + ": cannot write (disk full)");
        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            throw new IllegalStateException("encoder failed");
        })).isInstanceOf(IllegalStateException.class);

        Path missingFolder = folder.resolve("missing/video.mp4");
        assertThatThrownBy(() -> AtomicFiles.writeString(missingFolder, "x"))
                .isInstanceOf(IOException.class).hasMessageStartingWith(missingFolder + ": cannot write");

        assertThat(target).hasContent("old");
        assertThat(entries(folder)).containsExactly(target);
    }

    @Test
    void filesWrittenTogetherAreAllReplacedOrNoneIs() throws IOException {
        Path state = Files.writeString(folder.resolve("epoch_1.state.safetensors"), "old state");
        Path model = Files.writeString(folder.resolve("epoch_1.safetensors"), "old model");

        // The state is written whole, then the model fails half way: the old state must stay beside the old model.
        assertThatThrownBy(() -> AtomicFiles.writeDurablyTogether(java.util.List.of(
                new AtomicFiles.Part(state, temporary -> Files.writeString(temporary, "new state")),
                new AtomicFiles.Part(model, temporary -> {
                    Files.writeString(temporary, "half of the new model");
                    throw new FileSystemException(temporary.toString(), null, "File too large");
                })))).hasMessage(model + ": cannot write (file too large)");

        assertThat(state).hasContent("old state");
        assertThat(model).hasContent("old model");
        assertThat(entries(folder)).containsExactlyInAnyOrder(state, model);

        AtomicFiles.writeTogether(java.util.List.of(
                new AtomicFiles.Part(state, temporary -> Files.writeString(temporary, "new state")),
                new AtomicFiles.Part(model, temporary -> Files.writeString(temporary, "new model"))));
        assertThat(state).hasContent("new state");
        assertThat(model).hasContent("new model");
        assertThat(entries(folder)).containsExactlyInAnyOrder(state, model);
    }

    @Test
    void aFullDiskIsReportedAgainstTheTargetNotTheTemporary() throws IOException {
        Path target = folder.resolve("result.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            throw new FileSystemException(temporary.toString(), null, "No space left on device");
        })).hasMessage(target + ": cannot write (no space left on device)");
    }

    @Test
    void checkTargetRefusesBeforeAnyWorkWhatCannotBeWritten() throws IOException {
        Path missing = folder.resolve("no-such-folder/result.json");
        assertThatThrownBy(() -> AtomicFiles.checkTarget(missing))
                .hasMessage(missing + ": the folder " + missing.getParent() + " does not exist; create it first");

        assertThatThrownBy(() -> AtomicFiles.checkTarget(folder)).hasMessage(folder + ": is a folder; name a file");

        Path file = Files.writeString(folder.resolve("plain"), "x");
        Path underAFile = file.resolve("result.json");
        assertThatThrownBy(() -> AtomicFiles.checkTarget(underAFile)).hasMessage(underAFile + ": " + file + " is not a folder");

        // /proc takes no new files, even for root (who passes every permission check).
        assertThatThrownBy(() -> AtomicFiles.checkTarget(Path.of("/proc/x.json")))
                .hasMessageStartingWith("/proc/x.json: cannot create files in /proc (");

        Path fine = folder.resolve("result.json");
        assertThat(AtomicFiles.checkTarget(fine)).isEqualTo(fine);
        assertThat(entries(folder)).containsExactly(file);
    }

    @Test
    void devicesAndFifosAreWrittenStraightIntoAndStayWhatTheyAre() throws Exception {
        Path devNull = Path.of("/dev/null");
        assertThat(AtomicFiles.checkTarget(devNull)).isEqualTo(devNull);
        AtomicFiles.writeString(devNull, "discarded");
        assertThat(Files.isRegularFile(devNull)).isFalse();

        Path fifo = folder.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        Process reader = new ProcessBuilder("cat", fifo.toString()).start();
        AtomicFiles.writeString(fifo, "through the pipe\n");
        assertThat(reader.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(reader.getInputStream().readAllBytes())).isEqualTo("through the pipe\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(entries(folder)).containsExactly(fifo);
    }

    @Test
    void aSymbolicLinkIsFollowedAndStays() throws IOException {
        Path real = Files.createDirectories(folder.resolve("real")).resolve("result.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(folder.resolve("link.json"), Path.of("real/result.json"));

        AtomicFiles.writeString(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(entries(real.getParent())).containsExactly(real);

        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.json"), Path.of("real/created.json"));
        AtomicFiles.writeString(dangling, "made");
        assertThat(folder.resolve("real/created.json")).hasContent("made");
    }

    @Test
    void aKilledRunsTemporaryIsSweptAndALiveOnesIsNot() throws Exception {
        Path target = Files.createDirectories(folder.resolve("sweep")).resolve("result.json");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path abandoned = Files.writeString(target.resolveSibling(".result.json." + gone.pid() + ".123.partial"), "half");
        Path live = Files.writeString(target.resolveSibling(
                ".other.json." + ProcessHandle.current().pid() + ".456.partial"), "being written");

        AtomicFiles.writeString(target, "whole");

        assertThat(entries(target.getParent())).containsExactlyInAnyOrder(target, live);
        assertThat(abandoned).doesNotExist();
    }

    private static java.util.List<Path> entries(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
