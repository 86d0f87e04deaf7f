package io.action4j.localization.activitynet;

import java.io.IOException;
import java.nio.file.Path;

/** An ActivityNet JSON file that cannot be read, or a value in it that is missing or of the wrong type. */
public final class ActivityNetFormatException extends IOException {

    private final Path file;
    private final String keyPath;

    /**
     * @param file the file being read
     * @param keyPath where in the file, e.g. {@code results.abc[2].segment}; empty for the whole file
     * @param problem what is wrong there
     */
    public ActivityNetFormatException(Path file, String keyPath, String problem, Throwable cause) {
        super(file + (keyPath.isEmpty() ? "" : ": " + keyPath) + ": " + problem, cause);
        this.file = file;
        this.keyPath = keyPath;
    }

    public ActivityNetFormatException(Path file, String keyPath, String problem) {
        this(file, keyPath, problem, null);
    }

    public Path file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }
}
