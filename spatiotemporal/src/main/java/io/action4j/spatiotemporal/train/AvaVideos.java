package io.action4j.spatiotemporal.train;

import io.action4j.engine.data.VideoNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The videos of an AVA-format dataset: {@code <video_id>.<ext>} in one folder (the dataset's
 * {@code dataPrefix}), found by id.
 */
final class AvaVideos {

    private final Path folder;
    private final Map<String, Path> byId = new HashMap<>();

    /** @throws IOException naming the folder when it cannot be listed */
    AvaVideos(Path folder) throws IOException {
        this.folder = folder;
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder of videos (the dataset's dataPrefix)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> byId.putIfAbsent(VideoNames.stem(file), file));
        }
    }

    /** @throws IOException naming the id and the folder when no video has that id */
    Path video(String videoId) throws IOException {
        Path video = byId.get(videoId);
        if (video == null) {
            throw new IOException(folder + ": no video '" + videoId + "' (<video_id>.<ext>) for the annotations");
        }
        return video;
    }

    boolean has(String videoId) {
        return byId.containsKey(videoId);
    }
}
