package io.action4j.spatiotemporal.ava;

import io.action4j.api.metric.DetectionSample;
import io.action4j.api.result.ActorDetection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns AVA ground-truth and prediction rows into one {@link DetectionSample} per keyframe, the way
 * MMAction2's {@code ava_eval} lines them up:
 * <ul>
 *   <li>keyframes in the order they first appear in the ground truth; predictions on keyframes
 *       without ground truth are dropped (the reference ignores them);</li>
 *   <li>within a keyframe, rows sorted by their 8th column, largest first, ties in file order
 *       (for ground truth that is the person id, which decides which box wins an IoU tie);</li>
 *   <li>an excluded keyframe keeps its ground truth, which still counts towards each class's
 *       total in MMAction2, but loses its predictions.</li>
 * </ul>
 */
public final class AvaSamples {

    private static final Comparator<AvaCsvRow> LAST_COLUMN_DESCENDING =
            Comparator.comparingDouble(AvaCsvRow::lastColumn).reversed();

    private AvaSamples() {
    }

    public static List<DetectionSample> of(List<AvaCsvRow> groundTruth, List<AvaCsvRow> predictions,
                                           Set<KeyframeKey> excluded) {
        Map<KeyframeKey, List<AvaCsvRow>> truthByFrame = byKeyframe(groundTruth);
        Map<KeyframeKey, List<AvaCsvRow>> predictionsByFrame = byKeyframe(predictions);
        List<DetectionSample> samples = new ArrayList<>();
        truthByFrame.forEach((key, truth) -> {
            List<AvaCsvRow> predicted = excluded.contains(key)
                    ? List.of() : predictionsByFrame.getOrDefault(key, List.of());
            samples.add(new DetectionSample(key.videoId(), key.second(), detections(predicted), detections(truth)));
        });
        return List.copyOf(samples);
    }

    private static Map<KeyframeKey, List<AvaCsvRow>> byKeyframe(List<AvaCsvRow> rows) {
        Map<KeyframeKey, List<AvaCsvRow>> byFrame = new LinkedHashMap<>();
        for (AvaCsvRow row : rows) {
            byFrame.computeIfAbsent(row.keyframe(), key -> new ArrayList<>()).add(row);
        }
        return byFrame;
    }

    /** Stable sort, so equal values keep file order as Python's {@code sorted} does. */
    private static List<ActorDetection> detections(List<AvaCsvRow> rows) {
        return rows.stream()
                .sorted(LAST_COLUMN_DESCENDING)
                .map(row -> new ActorDetection(row.videoId(), row.timestampSeconds(), row.box(), row.actionId(),
                        (float) row.lastColumn()))
                .toList();
    }
}
