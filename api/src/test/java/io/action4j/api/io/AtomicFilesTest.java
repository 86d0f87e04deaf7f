package io.action4j.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporary() throws IOException {
        Path target = folder.resolve("model.safetensors");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half of the new");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            throw new IllegalStateException("encoder failed");
        })).isInstanceOf(IllegalStateException.class);

        Path missingFolder = folder.resolve("missing/video.mp4");
        assertThatThrownBy(() -> AtomicFiles.writeString(missingFolder, "x"))
                .isInstanceOf(IOException.class).hasMessageStartingWith(missingFolder + ": cannot write");

        assertThat(target).hasContent("old");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}
