package io.action4j.spatiotemporal.ava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads AVA's excluded-timestamps CSV ({@code video_id,timestamp}) into keyframe keys. */
public final class AvaExclusionsReader {

    private AvaExclusionsReader() {
    }

    public static Set<KeyframeKey> read(Path file) throws IOException {
        Set<KeyframeKey> excluded = new LinkedHashSet<>();
        AvaFiles.forEachLine(file, (lineNumber, line) -> {
            String[] cells = AvaFiles.cells(line);
            if (cells.length != 2) {
                throw new AvaFormatException(file, lineNumber, "expected 2 columns, got " + cells.length);
            }
            double timestamp = AvaFiles.number(file, lineNumber, "timestamp", cells[1]);
            excluded.add(KeyframeKey.of(cells[0], timestamp));
        });
        return Set.copyOf(excluded);
    }
}
