package io.action4j.spatiotemporal.ava;

import io.action4j.api.detection.NormalizedBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AVA box CSVs ({@code video_id, timestamp, x1, y1, x2, y2, action_id[, person_id or score]})
 * in file order. Ordering rows within a keyframe is left to the caller, who knows what the 8th
 * column means.
 */
public final class AvaCsvReader {

    private AvaCsvReader() {
    }

    public static List<AvaCsvRow> read(Path file) throws IOException {
        List<AvaCsvRow> rows = new ArrayList<>();
        AvaFiles.forEachLine(file, (lineNumber, line) -> rows.add(parse(file, lineNumber, line)));
        return List.copyOf(rows);
    }

    /**
     * Reads a file of person boxes: AVA's result rows ({@code video_id,timestamp,x1,y1,x2,y2,action_id,score})
     * or proposal rows ({@code video_id,timestamp,x1,y1,x2,y2,score}). In a 7-column row a 7th cell with a
     * fraction ({@code 0.93}) is the box's score; a whole number of 1 or more is an action id, as in a
     * ground truth without person ids, and the box scores 1.0 (MMAction2's {@code read_csv} rule).
     * A proposal row has action id 0.
     */
    public static List<AvaCsvRow> readBoxes(Path file) throws IOException {
        List<AvaCsvRow> rows = new ArrayList<>();
        AvaFiles.forEachLine(file, (lineNumber, line) -> {
            String[] cells = AvaFiles.cells(line);
            if (cells.length == 7 && !cells[6].matches("[1-9][0-9]*")) {
                double score = AvaFiles.number(file, lineNumber, "score", cells[6]);
                cells[6] = "0";
                AvaCsvRow row = parse(file, lineNumber, String.join(",", cells));
                rows.add(new AvaCsvRow(row.videoId(), row.timestampSeconds(), row.box(), 0, score, lineNumber));
            } else {
                rows.add(parse(file, lineNumber, line));
            }
        });
        return List.copyOf(rows);
    }

    private static AvaCsvRow parse(Path file, int lineNumber, String line) throws AvaFormatException {
        String[] cells = AvaFiles.cells(line);
        if (cells.length != 7 && cells.length != 8) {
            throw new AvaFormatException(file, lineNumber, "expected 7 or 8 columns, got " + cells.length);
        }
        if (cells[0].isEmpty()) {
            throw new AvaFormatException(file, lineNumber, "empty video id");
        }
        double timestamp = AvaFiles.number(file, lineNumber, "timestamp", cells[1]);
        float x1 = (float) AvaFiles.number(file, lineNumber, "x1", cells[2]);
        float y1 = (float) AvaFiles.number(file, lineNumber, "y1", cells[3]);
        float x2 = (float) AvaFiles.number(file, lineNumber, "x2", cells[4]);
        float y2 = (float) AvaFiles.number(file, lineNumber, "y2", cells[5]);
        int actionId = AvaFiles.integer(file, lineNumber, "action_id", cells[6]);
        double lastColumn = cells.length == 8 ? AvaFiles.number(file, lineNumber, "8th column", cells[7]) : 1.0;
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new AvaFormatException(file, lineNumber, "box corners out of order: " + String.join(",", cells[2],
                    cells[3], cells[4], cells[5]));
        }
        return new AvaCsvRow(cells[0], timestamp, new NormalizedBox(x1, y1, x2, y2), actionId, lastColumn, lineNumber);
    }
}
