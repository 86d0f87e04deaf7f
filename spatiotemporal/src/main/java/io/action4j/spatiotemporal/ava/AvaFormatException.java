package io.action4j.spatiotemporal.ava;

import java.io.IOException;
import java.nio.file.Path;

/** A line of an AVA file that cannot be read; the message names the file and the 1-based line. */
public class AvaFormatException extends IOException {

    private final Path file;
    private final int line;

    public AvaFormatException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
