package io.action4j.spatiotemporal.boxes;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaCsvRow;
import io.action4j.spatiotemporal.ava.AvaFormatException;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Person boxes per keyframe from an AVA-format CSV, read once: AVA result rows
 * ({@code video_id,timestamp,x1,y1,x2,y2,action_id,score}) or proposal rows
 * ({@code video_id,timestamp,x1,y1,x2,y2,score}), corners as fractions of the frame
 * ({@link AvaCsvReader#readBoxes}), or the JSON lines of {@code detect}'s keyframes
 * ({@link KeyframeJsonReader}), so that one run's boxes can feed another.
 *
 * <p>Keyframes are matched as AVA keys them: by video and whole second ({@link KeyframeKey}), so
 * 902, 902.0 and 902.4 all ask for keyframe 902. AVA repeats a box once per action; each box is
 * returned once, with its best score. Boxes are best score first, ties in file order.
 */
public final class AvaCsvBoxSource implements PersonBoxSource {

    private final Path file;
    private final Map<KeyframeKey, List<PersonBox>> boxesByKeyframe;
    /** The keyframes asked about, so that the file's others can be reported. */
    private final Set<KeyframeKey> asked = ConcurrentHashMap.newKeySet();

    private AvaCsvBoxSource(Path file, Map<KeyframeKey, List<PersonBox>> boxesByKeyframe) {
        this.file = file;
        this.boxesByKeyframe = Map.copyOf(boxesByKeyframe);
    }

    public Path file() {
        return file;
    }

    /** The videos the file has boxes for, sorted. */
    public List<String> videoIds() {
        return boxesByKeyframe.keySet().stream().map(KeyframeKey::videoId).distinct().sorted().toList();
    }

    /**
     * The file's keyframes of {@code videoId} that nobody asked about, in time order: times that are not
     * keyframes of the video (beyond its end, off the keyframe stride).
     */
    public List<KeyframeKey> neverAskedFor(String videoId) {
        return boxesByKeyframe.keySet().stream().filter(key -> key.videoId().equals(videoId) && !asked.contains(key))
                .sorted(Comparator.comparingLong(KeyframeKey::second)).toList();
    }

    public static AvaCsvBoxSource read(Path file, double minScore) throws IOException {
        return read(file, minScore, false);
    }

    /**
     * @param rejectOutsideFrame refuse a box reaching outside [0, 1], naming the file and row, instead of
     *                           clipping it to the frame
     */
    public static AvaCsvBoxSource read(Path file, double minScore, boolean rejectOutsideFrame) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        List<AvaCsvRow> rows = name.endsWith(".jsonl") || name.endsWith(".json") ? KeyframeJsonReader.readBoxes(file)
                : AvaCsvReader.readBoxes(file);
        return of(file, rows, minScore, rejectOutsideFrame);
    }

    /**
     * The people of an AVA ground-truth CSV ({@code video_id,timestamp,x1,y1,x2,y2,action_id,person_id}): each
     * person's box once, scoring 1.0 (the 8th column is an id here, not a score). For training and oracle
     * evaluation, when asked for by name.
     */
    public static AvaCsvBoxSource groundTruth(Path file) throws IOException {
        List<AvaCsvRow> rows = AvaCsvReader.read(file).stream().map(row -> new AvaCsvRow(row.videoId(),
                row.timestampSeconds(), row.box(), row.actionId(), 1.0, row.line())).toList();
        return of(file, rows, 0, false);
    }

    private static AvaCsvBoxSource of(Path file, List<AvaCsvRow> rows, double minScore, boolean rejectOutsideFrame)
            throws AvaFormatException {
        Map<KeyframeKey, Map<NormalizedBox, Double>> bestScores = new LinkedHashMap<>();
        for (AvaCsvRow row : rows) {
            if (row.lastColumn() >= minScore) {
                bestScores.computeIfAbsent(row.keyframe(), key -> new LinkedHashMap<>())
                        .merge(inFrame(file, row, rejectOutsideFrame), row.lastColumn(), Math::max);
            }
        }
        Map<KeyframeKey, List<PersonBox>> boxes = new LinkedHashMap<>();
        bestScores.forEach((key, scores) -> boxes.put(key, bestFirst(scores)));
        return new AvaCsvBoxSource(file, boxes);
    }

    private static NormalizedBox inFrame(Path file, AvaCsvRow row, boolean reject) throws AvaFormatException {
        NormalizedBox box = row.box();
        boolean inside = box.x1() >= 0 && box.y1() >= 0 && box.x2() <= 1 && box.y2() <= 1;
        if (inside) {
            return box;
        }
        if (reject) {
            throw new AvaFormatException(file, row.line(), "box " + box.x1() + "," + box.y1() + "," + box.x2()
                    + "," + box.y2() + " reaches outside the frame [0, 1] (outsideFrame: reject)");
        }
        return new NormalizedBox(clamp(box.x1()), clamp(box.y1()), clamp(box.x2()), clamp(box.y2()));
    }

    private static float clamp(float value) {
        return Math.max(0f, Math.min(1f, value));
    }

    private static List<PersonBox> bestFirst(Map<NormalizedBox, Double> scores) {
        List<Map.Entry<NormalizedBox, Double>> entries = new ArrayList<>(scores.entrySet());
        entries.sort(Map.Entry.<NormalizedBox, Double>comparingByValue(Comparator.reverseOrder()));
        return entries.stream().map(entry -> new PersonBox(entry.getKey(), entry.getValue().floatValue())).toList();
    }

    /** The file's boxes for the keyframe's video and second; the frame's pixels are not needed. */
    @Override
    public List<PersonBox> boxes(Keyframe keyframe) {
        return boxes(keyframe.videoId(), keyframe.timestampSeconds());
    }

    /** The file's boxes for {@code videoId} at {@code timestampSeconds} (matched by whole second). */
    public List<PersonBox> boxes(String videoId, double timestampSeconds) {
        KeyframeKey key = KeyframeKey.of(videoId, timestampSeconds);
        asked.add(key);
        return boxesByKeyframe.getOrDefault(key, List.of());
    }
}
