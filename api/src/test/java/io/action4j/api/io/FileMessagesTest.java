package io.action4j.api.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileMessagesTest {

    @Test
    void namesTheFileAndTheReasonWithoutExceptionNames() {
        assertThat(FileMessages.describe(new NoSuchFileException("/data/x.json"))).isEqualTo("/data/x.json: no such file or folder");
        assertThat(FileMessages.describe(new AccessDeniedException("/root/x"))).isEqualTo("/root/x: permission denied");
        assertThat(FileMessages.describe(new FileSystemException("/mnt/ro/x", null, "Read-only file system")))
                .isEqualTo("/mnt/ro/x: read-only file system");
        assertThat(FileMessages.describe(new IOException("cfg.yaml: unknown key 'lr'"))).isEqualTo("cfg.yaml: unknown key 'lr'");
    }

    @Test
    void aWriteThatFailedWithoutAPathIsReportedAgainstTheTarget() {
        Path target = Path.of("out/result.json");
        IOException full = FileMessages.about(target, new IOException("No space left on device"));
        assertThat(full).hasMessage("out/result.json: cannot write (no space left on device)");

        IOException named = new IOException("out/result.json: cannot create files in out (permission denied)");
        assertThat(FileMessages.about(target, named)).isSameAs(named);
    }

    @Test
    void aFormatsWrapperGivesWayToTheSystemsReason() {
        Path target = Path.of("out/timeline.png");
        // ImageIO's PNG writer wraps the system's error in its own words.
        IOException wrapped = new javax.imageio.IIOException("I/O error writing PNG file!",
                new IOException("File too large"));
        assertThat(FileMessages.about(target, wrapped)).hasMessage("out/timeline.png: cannot write (file too large)")
                .hasCause(wrapped);

        // A reason that starts with an abbreviation keeps its capitals.
        assertThat(FileMessages.about(target, new IOException("I/O error"))).hasMessage(
                "out/timeline.png: cannot write (I/O error)");
    }
}
