package io.action4j.localization.metric;

import io.action4j.api.metric.EveryPointAveragePrecision;
import io.action4j.api.result.TemporalSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AP of one class at each tIoU threshold, following MMAction2's
 * {@code compute_average_precision_detection}.
 */
final class ClassAveragePrecision {

    private final List<Double> thresholds;

    ClassAveragePrecision(List<Double> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /**
     * @param truthByVideo the class's ground-truth segments, by video id
     * @param detections the class's predictions, in input order (ties in score keep it)
     * @return one AP per threshold
     */
    double[] compute(Map<String, List<TemporalSegment>> truthByVideo, List<RankedDetection> detections) {
        int thresholdCount = thresholds.size();
        double[] ap = new double[thresholdCount];
        if (detections.isEmpty()) {
            return ap;
        }
        int truthCount = truthByVideo.values().stream().mapToInt(List::size).sum();
        Map<String, boolean[][]> matchedByVideo = new HashMap<>();
        truthByVideo.forEach((video, truths) -> matchedByVideo.put(video, new boolean[thresholdCount][truths.size()]));

        List<RankedDetection> ranked = new ArrayList<>(detections);
        // Stable, like Python's sort; compares with < and > so that 0.0 and -0.0 tie as in Python.
        ranked.sort(byScoreDescending());

        boolean[][] truePositive = new boolean[thresholdCount][ranked.size()];
        for (int k = 0; k < ranked.size(); k++) {
            RankedDetection detection = ranked.get(k);
            List<TemporalSegment> truths = truthByVideo.get(detection.videoId());
            if (truths == null) {
                continue; // no ground truth of this class in the video: a false positive at every threshold
            }
            float[] tiou = new float[truths.size()];
            for (int j = 0; j < tiou.length; j++) {
                tiou[j] = TemporalIou.of(detection.segment(), truths.get(j));
            }
            int[] candidates = indicesByDecreasingIou(tiou);
            boolean[][] matched = matchedByVideo.get(detection.videoId());
            for (int t = 0; t < thresholdCount; t++) {
                truePositive[t][k] = claimBestUnmatched(tiou, candidates, matched[t], thresholds.get(t));
            }
        }
        for (int t = 0; t < thresholdCount; t++) {
            ap[t] = averagePrecision(truePositive[t], truthCount);
        }
        return ap;
    }

    /**
     * Walks the ground truths from the highest tIoU down: the first one still unmatched claims the
     * detection; reaching one below the threshold ends the walk (a false positive).
     */
    private static boolean claimBestUnmatched(float[] tiou, int[] candidates, boolean[] matched, double threshold) {
        for (int j : candidates) {
            // float32 against double, as numpy compares them.
            if (tiou[j] < threshold) {
                return false;
            }
            if (!matched[j]) {
                matched[j] = true;
                return true;
            }
        }
        return false;
    }

    /**
     * numpy's {@code argsort()[::-1]}: a stable ascending sort (numpy's for arrays this small),
     * reversed, so equal tIoUs are visited last index first.
     */
    private static int[] indicesByDecreasingIou(float[] tiou) {
        Integer[] ascending = new Integer[tiou.length];
        for (int j = 0; j < ascending.length; j++) {
            ascending[j] = j;
        }
        Arrays.sort(ascending, (a, b) -> Float.compare(tiou[a], tiou[b]));
        int[] descending = new int[ascending.length];
        for (int j = 0; j < ascending.length; j++) {
            descending[j] = ascending[ascending.length - 1 - j];
        }
        return descending;
    }

    private static double averagePrecision(boolean[] truePositive, int truthCount) {
        double[] precision = new double[truePositive.length];
        double[] recall = new double[truePositive.length];
        double hits = 0;
        for (int k = 0; k < truePositive.length; k++) {
            if (truePositive[k]) {
                hits++;
            }
            precision[k] = hits / (k + 1);
            recall[k] = hits / truthCount;
        }
        return EveryPointAveragePrecision.of(precision, recall);
    }

    private static Comparator<RankedDetection> byScoreDescending() {
        return (a, b) -> {
            double scoreA = a.segment().score();
            double scoreB = b.segment().score();
            return scoreA > scoreB ? -1 : scoreA < scoreB ? 1 : 0;
        };
    }
}
