package io.action4j.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads MMAction2's annotation lists, one sample per line, fields separated by whitespace:
 * {@code path label} for videos, {@code frame_dir total_frames label} for rawframe folders
 * ({@code frame_dir offset total_frames label} with offsets); multi-label lists carry several
 * labels. Paths are taken relative to the data prefix. Blank lines are skipped.
 */
public final class AnnotationList {

    private AnnotationList() {
    }

    /**
     * @throws IOException naming the file, and the line and field when a line is malformed
     */
    public static List<DatasetEntry> read(Path list, AnnotationFormat format, Path dataPrefix, boolean multiLabel,
                                          boolean withOffset) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(list + ": annotation list not found");
        }
        List<DatasetEntry> entries = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (!line.isEmpty()) {
                entries.add(parse(line, number, list, format, dataPrefix, multiLabel, withOffset));
            }
        }
        return List.copyOf(entries);
    }

    private static DatasetEntry parse(String line, int number, Path list, AnnotationFormat format, Path dataPrefix,
                                      boolean multiLabel, boolean withOffset) throws IOException {
        String[] fields = line.split("\\s+");
        String where = list + ":" + number + ": ";
        int numbersBeforeLabels = format == AnnotationFormat.RAWFRAMES ? (withOffset ? 2 : 1) : 0;
        int minimum = 1 + numbersBeforeLabels + 1;
        if (fields.length < minimum || (!multiLabel && fields.length != minimum)) {
            String expected = switch (format) {
                case VIDEOS -> "path label";
                case RAWFRAMES -> withOffset ? "frame_dir offset total_frames label" : "frame_dir total_frames label";
            };
            throw new IOException(where + "expected '" + expected + (multiLabel ? " [label ...]" : "") + "', got '" + line + "'");
        }
        int offset = withOffset ? number(fields[1], "offset", where) : 0;
        OptionalInt totalFrames = format == AnnotationFormat.RAWFRAMES
                ? OptionalInt.of(number(fields[numbersBeforeLabels], "total_frames", where)) : OptionalInt.empty();
        List<Integer> labels = new ArrayList<>();
        for (int i = 1 + numbersBeforeLabels; i < fields.length; i++) {
            labels.add(number(fields[i], "label", where));
        }
        Path path;
        try {
            path = dataPrefix == null ? Path.of(fields[0]) : dataPrefix.resolve(fields[0]);
        } catch (InvalidPathException e) {
            throw new IOException(where + "'" + fields[0].replace("\0", "\\0") + "' is not a file path ("
                    + e.getReason().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return new DatasetEntry(path, totalFrames, offset, labels, number);
    }

    private static int number(String field, String name, String where) throws IOException {
        try {
            int value = Integer.parseInt(field);
            if (value < 0) {
                throw new IOException(where + name + " must not be negative, got " + field);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException(where + name + " is not an integer: '" + field + "'");
        }
    }
}
