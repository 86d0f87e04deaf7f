package io.action4j.plugins.video;

import io.action4j.api.video.VideoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks done before a native decoder ever sees a path. */
final class VideoFiles {

    private VideoFiles() {
    }

    static void requireReadableFile(Path path) throws VideoException {
        if (!Files.exists(path)) {
            throw new VideoException(path, "file not found");
        }
        if (!Files.isRegularFile(path)) {
            throw new VideoException(path, "not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new VideoException(path, "not readable");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new VideoException(path, "cannot read file size (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new VideoException(path, "empty file (0 bytes)");
        }
    }
}
