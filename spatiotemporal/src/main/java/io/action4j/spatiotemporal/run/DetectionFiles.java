package io.action4j.spatiotemporal.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.io.AtomicFiles;
import io.action4j.spatiotemporal.track.PersonSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One video's detection results as files in a folder, written as they come:
 * <ul>
 *   <li>{@code ID.ava.csv}: AVA's result format, {@code video_id,timestamp,x1,y1,x2,y2,action_id,score}
 *       (box corners as fractions of the frame), one row per person and action scoring at least
 *       {@code csvMinScore}: what {@code action4j eval ava} and MMAction2's AVA evaluation read;</li>
 *   <li>{@code ID.keyframes.jsonl}: one JSON object per keyframe with its people, each with a track id,
 *       box, box score and the actions scoring at least the detector's action threshold;</li>
 *   <li>{@code ID.segments.json}: each person's action segments (start, end, label, mean score), written
 *       when the video is done.</li>
 * </ul>
 * The files appear under their names only when {@link #commit} is called after a run that succeeded:
 * a failed run leaves earlier results of the same video as they were. Close it in every case.
 */
public final class DetectionFiles implements DetectionListener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String videoId;
    private final double csvMinScore;
    private final double actionThreshold;
    private final AtomicFiles.PendingText csv;
    private final AtomicFiles.PendingText jsonl;
    private final Path segmentsFile;

    /**
     * @param folder where the files go; created if missing
     * @param csvMinScore the least score for an action to have an AVA CSV row (0: every action scored)
     * @param actionThreshold the least score for an action to be listed in the JSON lines
     */
    public DetectionFiles(Path folder, String videoId, double csvMinScore, double actionThreshold) throws IOException {
        Files.createDirectories(folder);
        this.videoId = videoId;
        this.csvMinScore = csvMinScore;
        this.actionThreshold = actionThreshold;
        this.csv = AtomicFiles.pendingText(csvFile(folder, videoId));
        try {
            this.jsonl = AtomicFiles.pendingText(folder.resolve(videoId + ".keyframes.jsonl"));
        } catch (IOException e) {
            csv.close();
            throw e;
        }
        this.segmentsFile = segmentsFile(folder, videoId);
    }

    public static Path csvFile(Path folder, String videoId) {
        return folder.resolve(videoId + ".ava.csv");
    }

    public static Path segmentsFile(Path folder, String videoId) {
        return folder.resolve(videoId + ".segments.json");
    }

    @Override
    public void keyframe(KeyframeDetections keyframe) throws IOException {
        String timestamp = seconds(keyframe.seconds());
        ObjectNode line = JSON.createObjectNode();
        line.put("video", keyframe.videoId());
        line.put("keyframe", keyframe.index());
        line.put("seconds", keyframe.seconds());
        ArrayNode people = line.putArray("people");
        for (PersonDetection person : keyframe.people()) {
            NormalizedBox box = person.box();
            String corners = String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", box.x1(), box.y1(), box.x2(), box.y2());
            for (ActionScore action : person.actions()) {
                if (action.score() >= csvMinScore) {
                    csv.writer().write(keyframe.videoId() + "," + timestamp + "," + corners + "," + action.actionId() + ","
                            + String.format(Locale.ROOT, "%.6f", action.score()) + "\n");
                }
            }
            ObjectNode node = people.addObject();
            node.put("track", person.trackId());
            ArrayNode corner = node.putArray("box");
            corner.add(box.x1()).add(box.y1()).add(box.x2()).add(box.y2());
            node.put("boxScore", person.boxScore());
            ArrayNode actions = node.putArray("actions");
            for (ActionScore action : person.actionsAbove(actionThreshold)) {
                actions.addObject().put("id", action.actionId()).put("label", action.label()).put("score", action.score());
            }
        }
        jsonl.writer().write(JSON.writeValueAsString(line) + "\n");
    }

    /** The run succeeded: the files replace any earlier ones of this video. */
    public void commit(DetectionResult result) throws IOException {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("video", result.video());
        summary.put("videoId", videoId);
        summary.put("durationSeconds", result.durationSeconds());
        summary.put("keyframes", result.keyframes());
        summary.put("tracks", result.tracks());
        ArrayNode sorted = summary.putArray("segments");
        for (PersonSegment segment : result.segments()) {
            sorted.addObject().put("track", segment.trackId()).put("actionId", segment.actionId())
                    .put("label", segment.label()).put("start", segment.startSeconds()).put("end", segment.endSeconds())
                    .put("meanScore", segment.meanScore()).put("keyframes", segment.keyframes());
        }
        AtomicFiles.write(segmentsFile, file -> JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary));
        csv.commit();
        jsonl.commit();
    }

    /** AVA writes whole seconds as integers; other times keep their fraction. */
    static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds)
                : String.format(Locale.ROOT, "%.3f", seconds);
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            jsonl.close();
        }
    }
}
