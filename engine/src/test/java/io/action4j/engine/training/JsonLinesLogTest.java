package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesLogTest {

    @TempDir
    Path folder;

    @Test
    void linesAreAppendedAfterAnEarlierRunsLines() throws IOException {
        Path file = Files.writeString(folder.resolve("log.jsonl"), "{\"epoch\":1}\n");

        try (JsonLinesLog log = JsonLinesLog.open(file)) {
            log.append("{\"epoch\":2}");
            log.append("{\"epoch\":3}");
        }

        assertThat(file).hasContent("{\"epoch\":1}\n{\"epoch\":2}\n{\"epoch\":3}\n");
    }

    @Test
    void aLineThatAKilledRunCutShortIsDropped() throws IOException {
        // Longer than the 4 KB the end is read back in, so the last line break lies in an earlier chunk.
        String whole = "{\"epoch\":1,\"note\":\"" + "x".repeat(5000) + "\"}\n";
        Path file = Files.writeString(folder.resolve("log.jsonl"), whole + "{\"epoch\":2,\"no" + "y".repeat(4100));
        Path cut = Files.writeString(folder.resolve("cut.jsonl"), "{\"epo");

        try (JsonLinesLog log = JsonLinesLog.open(file); JsonLinesLog other = JsonLinesLog.open(cut)) {
            log.append("{\"epoch\":2}");
            other.append("{\"epoch\":1}");
        }

        assertThat(Files.readString(file)).isEqualTo(whole + "{\"epoch\":2}\n");
        assertThat(cut).hasContent("{\"epoch\":1}\n");
    }

    @Test
    void aLogThatCannotBeOpenedIsNamedWithTheReason() {
        Path file = folder.resolve("missing/log.jsonl");

        assertThatThrownBy(() -> JsonLinesLog.open(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": cannot write (no such file or folder)");
    }
}
