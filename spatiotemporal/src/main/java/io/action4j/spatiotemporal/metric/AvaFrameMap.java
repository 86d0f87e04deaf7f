package io.action4j.spatiotemporal.metric;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.metric.DetectionSample;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.result.ActorDetection;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * AVA frame-mAP with MMAction2 v1.2.0's conventions ({@code ava_utils.ava_eval}).
 *
 * <p>Each sample is one keyframe (samples naming the same keyframe are merged, in order). Ground
 * truth is kept in the order given (see {@link io.action4j.spatiotemporal.ava.AvaSamples});
 * predictions are sorted by score within the keyframe, ties in the order given. Only frames with
 * ground truth of an evaluated class take part: detections elsewhere are ignored, not counted as
 * false positives. Every ground-truth box counts towards its class's total, even on a frame with
 * no predictions (which is how an excluded keyframe is passed in).
 *
 * <p>Reports {@code mAP@<threshold>}, the mean over classes that have both detections and ground
 * truth (a class with ground truth but no detections is left out, as in the reference), then
 * {@code AP/<classId>} for those classes in ascending id order.
 */
public final class AvaFrameMap implements Metric<DetectionSample> {

    private static final Comparator<ActorDetection> BEST_SCORE_FIRST =
            Comparator.comparingDouble(ActorDetection::score).reversed();

    private final AvaFrameMapConfig config;
    private final Predicate<Integer> evaluated;

    public AvaFrameMap(AvaFrameMapConfig config) {
        this.config = config;
        Set<Integer> classIds = Set.copyOf(config.classIds());
        this.evaluated = classIds.isEmpty() ? id -> true : classIds::contains;
    }

    @Override
    public Class<DetectionSample> sampleType() {
        return DetectionSample.class;
    }

    @Override
    public MetricResult evaluate(List<DetectionSample> samples) {
        FrameMatcher matcher = new FrameMatcher(config.iouThreshold());
        Map<Integer, Integer> groundTruthCounts = new TreeMap<>();
        Map<Integer, ClassDetections> decisions = new TreeMap<>();
        for (DetectionSample frame : mergeByKeyframe(samples)) {
            List<ActorDetection> truth = ofEvaluatedClasses(frame.groundTruth());
            truth.forEach(box -> groundTruthCounts.merge(box.actionId(), 1, Integer::sum));
            if (truth.isEmpty()) {
                continue;
            }
            List<ActorDetection> predicted = ofEvaluatedClasses(frame.predicted());
            predicted.sort(BEST_SCORE_FIRST);
            for (int classId : classesOf(predicted)) {
                matcher.match(ofClass(predicted, classId), boxesOf(ofClass(truth, classId)),
                        decisions.computeIfAbsent(classId, id -> new ClassDetections()));
            }
        }
        return result(decisions, groundTruthCounts);
    }

    private MetricResult result(Map<Integer, ClassDetections> decisions, Map<Integer, Integer> groundTruthCounts) {
        Map<String, Double> perClass = new LinkedHashMap<>();
        double sum = 0;
        int count = 0;
        for (Map.Entry<Integer, ClassDetections> entry : decisions.entrySet()) {
            double ap = PascalAveragePrecision.of(entry.getValue(), groundTruthCounts.getOrDefault(entry.getKey(), 0));
            if (!Double.isNaN(ap)) {
                perClass.put("AP/" + entry.getKey(), ap);
                sum += ap;
                count++;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("mAP@" + config.iouThreshold(), count == 0 ? Double.NaN : sum / count);
        values.putAll(perClass);
        return new MetricResult(values);
    }

    private static List<DetectionSample> mergeByKeyframe(List<DetectionSample> samples) {
        Map<KeyframeKey, DetectionSample> frames = new LinkedHashMap<>();
        for (DetectionSample sample : samples) {
            frames.merge(KeyframeKey.of(sample.videoId(), sample.timestampSeconds()), sample,
                    (first, second) -> new DetectionSample(first.videoId(), first.timestampSeconds(),
                            concat(first.predicted(), second.predicted()),
                            concat(first.groundTruth(), second.groundTruth())));
        }
        return List.copyOf(frames.values());
    }

    private List<ActorDetection> ofEvaluatedClasses(List<ActorDetection> detections) {
        List<ActorDetection> kept = new ArrayList<>();
        for (ActorDetection detection : detections) {
            if (evaluated.test(detection.actionId())) {
                kept.add(detection);
            }
        }
        return kept;
    }

    private static Set<Integer> classesOf(List<ActorDetection> detections) {
        Set<Integer> classIds = new HashSet<>();
        detections.forEach(detection -> classIds.add(detection.actionId()));
        return classIds;
    }

    private static List<ActorDetection> ofClass(List<ActorDetection> detections, int classId) {
        return detections.stream().filter(detection -> detection.actionId() == classId).toList();
    }

    private static List<NormalizedBox> boxesOf(List<ActorDetection> detections) {
        return detections.stream().map(ActorDetection::box).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
