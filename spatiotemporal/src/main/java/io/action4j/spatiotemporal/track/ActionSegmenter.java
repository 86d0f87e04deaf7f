package io.action4j.spatiotemporal.track;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns a track's per-keyframe action scores into action segments: a run of the track's keyframes on
 * which an action scores at least {@code threshold} is one segment, and each keyframe speaks for half
 * a keyframe stride on either side of it. A run ends on the track's first keyframe without the action,
 * or with the track. Segments come out as they end; only the runs open now are held. Not thread-safe.
 */
public final class ActionSegmenter {

    private static final class Run {
        final double firstSeconds;
        double lastSeconds;
        double scoreSum;
        int keyframes;

        Run(double seconds) {
            this.firstSeconds = seconds;
        }
    }

    private final double threshold;
    private final double halfStride;
    private final double durationSeconds;
    private final IntFunction<String> labels;
    /** Track id -> action id -> its open run. */
    private final Map<Integer, Map<Integer, Run>> open = new LinkedHashMap<>();

    /**
     * @param threshold the least score for a keyframe to count for an action
     * @param strideSeconds the keyframe stride
     * @param durationSeconds the video's length, where segments are clamped
     * @param labels an action id's name
     */
    public ActionSegmenter(double threshold, double strideSeconds, double durationSeconds, IntFunction<String> labels) {
        this.threshold = threshold;
        this.halfStride = strideSeconds / 2;
        this.durationSeconds = durationSeconds;
        this.labels = labels;
    }

    /**
     * The track's scores on a keyframe at {@code seconds}.
     *
     * @param scores action id -> score, for every action scored
     * @param ended receives the segments this keyframe ends
     */
    public void observe(int trackId, double seconds, Map<Integer, Float> scores, List<PersonSegment> ended) {
        Map<Integer, Run> runs = open.computeIfAbsent(trackId, id -> new LinkedHashMap<>());
        for (Iterator<Map.Entry<Integer, Run>> it = runs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Run> run = it.next();
            Float score = scores.get(run.getKey());
            if (score == null || score < threshold) {
                ended.add(segment(trackId, run.getKey(), run.getValue()));
                it.remove();
            }
        }
        scores.forEach((action, score) -> {
            if (score >= threshold) {
                Run run = runs.computeIfAbsent(action, id -> new Run(seconds));
                run.lastSeconds = seconds;
                run.scoreSum += score;
                run.keyframes++;
            }
        });
    }

    /** The track ended: its open runs become segments. */
    public void endTrack(int trackId, List<PersonSegment> ended) {
        Map<Integer, Run> runs = open.remove(trackId);
        if (runs != null) {
            runs.forEach((action, run) -> ended.add(segment(trackId, action, run)));
        }
    }

    /** The video ended: every open run becomes a segment. */
    public List<PersonSegment> finish() {
        List<PersonSegment> ended = new ArrayList<>();
        for (Integer track : List.copyOf(open.keySet())) {
            endTrack(track, ended);
        }
        return ended;
    }

    private PersonSegment segment(int trackId, int actionId, Run run) {
        double start = Math.max(0, run.firstSeconds - halfStride);
        double end = Math.min(durationSeconds, run.lastSeconds + halfStride);
        return new PersonSegment(trackId, actionId, labels.apply(actionId), start, Math.max(start, end),
                run.scoreSum / run.keyframes, run.keyframes);
    }
}
