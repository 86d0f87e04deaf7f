package io.action4j.localization.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.data.VideoNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Segments as files: ActivityNet's result JSON (the shape MMAction2 writes and its evaluation
 * reads), CSV with one segment per line, and one JSON line per video.
 */
public final class SegmentFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentFiles() {
    }

    /**
     * ActivityNet's result key for a video: its file name without the extension and without a leading
     * {@code v_} ({@code v_abc.mp4} is {@code abc}), as MMAction2 writes results and matches them to
     * ground truth keyed {@code v_abc}.
     */
    public static String videoId(String video) {
        return fileStem(video).replaceFirst("^v_", "");
    }

    /** A video's file name without the extension ({@code v_abc.mp4} is {@code v_abc}). */
    public static String fileStem(String video) {
        return VideoNames.stem(Path.of(video));
    }

    /**
     * {@code {"version": "VERSION 1.3", "results": {id: [{"segment": [s, e], "score": x, "label": name}]},
     * "external_data": {}}}; a class-agnostic proposal (label -1) has no {@code label}. Replaced atomically.
     *
     * @param classNames names of the label indices; null when every segment is a proposal
     */
    public static void writeActivityNet(Path file, Map<String, List<TemporalSegment>> byVideo, List<String> classNames)
            throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", "VERSION 1.3");
        ObjectNode results = root.putObject("results");
        byVideo.forEach((video, segments) -> {
            ArrayNode list = results.putArray(videoId(video));
            segments.forEach(segment -> list.add(toJson(segment, classNames)));
        });
        root.putObject("external_data");
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** {@code video,start,end,label,score}, one segment per line after a header; replaced atomically. */
    public static void writeCsv(Path file, Map<String, List<TemporalSegment>> byVideo, List<String> classNames)
            throws IOException {
        StringBuilder text = new StringBuilder("video,start,end,label,score\n");
        byVideo.forEach((video, segments) -> segments.forEach(segment -> text.append(csvField(video)).append(',')
                .append(segment.startSeconds()).append(',').append(segment.endSeconds()).append(',')
                .append(csvField(label(segment, classNames))).append(',').append(segment.score()).append('\n')));
        AtomicFiles.writeString(file, text.toString());
    }

    /** One video's segments as a JSON line: {@code {"video": path, "duration": s, "segments": [...]}}. */
    public static String jsonLine(LocalizationResult result, List<String> classNames) {
        ObjectNode line = JSON.createObjectNode().put("video", result.video())
                .put("duration", result.durationSeconds()).put("snippets", result.snippets());
        ArrayNode segments = line.putArray("segments");
        result.segments().forEach(segment -> segments.add(toJson(segment, classNames)));
        return line.toString();
    }

    /** A segment for people: {@code 12.40 s - 57.10 s  score 0.8312  label}. */
    public static String describe(TemporalSegment segment, List<String> classNames) {
        String label = label(segment, classNames);
        return String.format(Locale.ROOT, "%8.2f s - %8.2f s  score %.4f%s", segment.startSeconds(),
                segment.endSeconds(), segment.score(), label.isEmpty() ? "" : "  " + label);
    }

    private static ObjectNode toJson(TemporalSegment segment, List<String> classNames) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("segment").add(segment.startSeconds()).add(segment.endSeconds());
        node.put("score", segment.score());
        String label = label(segment, classNames);
        if (!label.isEmpty()) {
            node.put("label", label);
        }
        return node;
    }

    private static String label(TemporalSegment segment, List<String> classNames) {
        if (segment.label() < 0) {
            return "";
        }
        return classNames != null && segment.label() < classNames.size() ? classNames.get(segment.label())
                : Integer.toString(segment.label());
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
