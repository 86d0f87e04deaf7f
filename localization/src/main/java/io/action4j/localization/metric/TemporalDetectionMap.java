package io.action4j.localization.metric;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.NumpySum;
import io.action4j.api.result.TemporalSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ActivityNet temporal detection mAP, as MMAction2 v1.2.0's {@code ActivityNetLocalization}
 * computes it: the mean over every class that has ground truth (a class nobody predicted scores 0)
 * at each tIoU threshold, then the mean over thresholds. Samples are matched by video id, so
 * samples of the same video are pooled. Predictions of a class with no ground truth anywhere are
 * ignored.
 */
public final class TemporalDetectionMap implements Metric<LocalizationSample> {

    private final List<Double> thresholds;

    public TemporalDetectionMap(List<Double> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /** The name a threshold's value is reported under, e.g. {@code mAP@0.50}. */
    public static String valueName(double threshold) {
        return String.format(Locale.ROOT, "mAP@%.2f", threshold);
    }

    @Override
    public Class<LocalizationSample> sampleType() {
        return LocalizationSample.class;
    }

    @Override
    public MetricResult evaluate(List<LocalizationSample> samples) {
        return table(samples).toMetricResult();
    }

    /**
     * Every figure: AP per class and threshold, mAP per threshold and their average.
     *
     * @throws IllegalArgumentException if no sample has ground truth
     */
    public TemporalDetectionMapTable table(List<LocalizationSample> samples) {
        Map<Integer, Map<String, List<TemporalSegment>>> truthByClass = truthByClassAndVideo(samples);
        if (truthByClass.isEmpty()) {
            throw new IllegalArgumentException("no ground-truth segments in " + samples.size()
                    + " samples: mAP is undefined");
        }
        Map<Integer, List<RankedDetection>> detectionsByClass = detectionsByClass(samples);

        ClassAveragePrecision classAp = new ClassAveragePrecision(thresholds);
        Map<Integer, double[]> apByClass = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, List<TemporalSegment>>> entry : truthByClass.entrySet()) {
            apByClass.put(entry.getKey(), classAp.compute(entry.getValue(),
                    detectionsByClass.getOrDefault(entry.getKey(), List.of())));
        }
        // numpy's means, as MMAction2 takes them: ap.mean(axis=1) per threshold, then mAP.mean().
        double[] mapPerThreshold = new double[thresholds.size()];
        for (int t = 0; t < thresholds.size(); t++) {
            double[] classValues = new double[apByClass.size()];
            int c = 0;
            for (double[] ap : apByClass.values()) {
                classValues[c++] = ap[t];
            }
            mapPerThreshold[t] = NumpySum.mean(classValues);
        }
        return new TemporalDetectionMapTable(thresholds, apByClass, mapPerThreshold, NumpySum.mean(mapPerThreshold));
    }

    // Sorted by class index: the order MMAction2 averages the classes in.
    private static Map<Integer, Map<String, List<TemporalSegment>>> truthByClassAndVideo(
            List<LocalizationSample> samples) {
        Map<Integer, Map<String, List<TemporalSegment>>> truth = new TreeMap<>();
        for (LocalizationSample sample : samples) {
            for (TemporalSegment segment : sample.groundTruth()) {
                truth.computeIfAbsent(segment.label(), label -> new LinkedHashMap<>())
                        .computeIfAbsent(sample.videoId(), video -> new ArrayList<>())
                        .add(segment);
            }
        }
        return truth;
    }

    private static Map<Integer, List<RankedDetection>> detectionsByClass(List<LocalizationSample> samples) {
        Map<Integer, List<RankedDetection>> detections = new TreeMap<>();
        for (LocalizationSample sample : samples) {
            for (TemporalSegment segment : sample.predicted()) {
                detections.computeIfAbsent(segment.label(), label -> new ArrayList<>())
                        .add(new RankedDetection(sample.videoId(), segment));
            }
        }
        return detections;
    }
}
