package io.action4j.api.video;

import java.io.IOException;
import java.nio.file.Path;

/** A video that cannot be opened or decoded; the message names the file and the reason. */
public class VideoException extends IOException {

    private final Path path;

    public VideoException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    public VideoException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
