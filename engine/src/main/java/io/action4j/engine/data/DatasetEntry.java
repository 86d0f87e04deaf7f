package io.action4j.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * One sample of an annotation list.
 *
 * @param path the video file or rawframe folder, with the data prefix applied
 * @param totalFrames rawframe folders: the frame count the list states
 * @param offset rawframe folders listed with offsets: the index of the first frame
 * @param labels one label, or several for multi-label lists
 * @param line the line of the list it came from (1-based), for messages
 */
public record DatasetEntry(Path path, OptionalInt totalFrames, int offset, List<Integer> labels, int line) {

    public DatasetEntry {
        labels = List.copyOf(labels);
    }
}
