package io.action4j.plugins.metrics;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.RecognitionSample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MMAction2 v1.2.0's {@code AccMetric} ({@code mmaction/evaluation/metrics/acc_metric.py}), with its
 * value names: {@code acc/top1}, {@code acc/top5}, ... ({@code top_k_accuracy}), {@code acc/mean1}
 * ({@code mean_class_accuracy}), {@code acc/mean_average_precision},
 * {@code acc/mmit_mean_average_precision}, in the order of {@code metricList}.
 *
 * <p>With {@code mean_class_accuracy}, the confusion matrix it is computed from follows as one value
 * per non-zero cell, {@code acc/confusion/<true class>/<predicted class>} = count, rows and columns
 * ascending. Every class of the matrix (the union of the labels and the argmax predictions) has a
 * non-zero cell, so the cells list its classes too.
 *
 * <p>Refused where MMAction2 would compute nonsense or divide by zero: no samples, samples with
 * different class counts, non-finite scores, labels outside {@code [0, classes)}, and samples with
 * other than one label for the single-label metrics.
 */
public final class AccMetric implements Metric<RecognitionSample> {

    public static final String PREFIX = "acc/";
    /** Followed by {@code <true class>/<predicted class>}. */
    public static final String CONFUSION_PREFIX = PREFIX + "confusion/";

    private final AccMetricConfig config;

    public AccMetric(AccMetricConfig config) {
        this.config = config;
    }

    @Override
    public Class<RecognitionSample> sampleType() {
        return RecognitionSample.class;
    }

    @Override
    public MetricResult evaluate(List<RecognitionSample> samples) {
        float[][] scores = checkedScores(samples);
        int numClasses = scores[0].length;
        Map<String, Double> values = new LinkedHashMap<>();
        ConfusionMatrix confusion = null;
        for (String metric : config.metricList()) {
            switch (metric) {
                case AccMetricConfig.TOP_K_ACCURACY -> {
                    int[] labels = singleLabels(samples, numClasses);
                    for (int k : config.topk()) {
                        values.put(PREFIX + "top" + k, TopKAccuracy.of(scores, labels, k));
                    }
                }
                case AccMetricConfig.MEAN_CLASS_ACCURACY -> {
                    int[] predicted = Arrays.stream(scores).mapToInt(ConfusionMatrix::argmax).toArray();
                    confusion = ConfusionMatrix.of(predicted, singleLabels(samples, numClasses));
                    values.put(PREFIX + "mean1", confusion.meanClassAccuracy());
                }
                case AccMetricConfig.MEAN_AVERAGE_PRECISION ->
                        values.put(PREFIX + metric, AveragePrecision.meanOverClasses(scores, manyHot(samples, numClasses)));
                case AccMetricConfig.MMIT_MEAN_AVERAGE_PRECISION ->
                        values.put(PREFIX + metric, AveragePrecision.meanOverSamples(scores, manyHot(samples, numClasses)));
                default -> throw new IllegalStateException("unchecked metric " + metric);
            }
        }
        if (confusion != null) {
            putCells(confusion, values);
        }
        return new MetricResult(values);
    }

    private static float[][] checkedScores(List<RecognitionSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        int numClasses = samples.get(0).scores().length;
        if (numClasses == 0) {
            throw new IllegalArgumentException("video '" + samples.get(0).videoId() + "' has no class scores");
        }
        float[][] scores = new float[samples.size()][];
        for (int i = 0; i < scores.length; i++) {
            RecognitionSample sample = samples.get(i);
            scores[i] = sample.scores();
            if (scores[i].length != numClasses) {
                throw new IllegalArgumentException("video '" + sample.videoId() + "' has " + scores[i].length
                        + " class scores, video '" + samples.get(0).videoId() + "' has " + numClasses);
            }
            for (int c = 0; c < numClasses; c++) {
                if (!Float.isFinite(scores[i][c])) {
                    throw new IllegalArgumentException("video '" + sample.videoId() + "': the score of class " + c
                            + " is " + scores[i][c]);
                }
            }
        }
        return scores;
    }

    private static int[] singleLabels(List<RecognitionSample> samples, int numClasses) {
        int[] labels = new int[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            RecognitionSample sample = samples.get(i);
            int[] own = sample.labels();
            if (own.length != 1) {
                throw new IllegalArgumentException("video '" + sample.videoId() + "' has "
                        + (own.length == 0 ? "no label" : own.length + " labels " + Arrays.toString(own))
                        + ": top_k_accuracy and mean_class_accuracy need exactly one label per video; for multi-label "
                        + "data use metricList [mean_average_precision], as MMAction2 does");
            }
            labels[i] = checkedLabel(sample, own[0], numClasses);
        }
        return labels;
    }

    private static boolean[][] manyHot(List<RecognitionSample> samples, int numClasses) {
        boolean[][] truth = new boolean[samples.size()][];
        for (int i = 0; i < truth.length; i++) {
            RecognitionSample sample = samples.get(i);
            for (int label : sample.labels()) {
                checkedLabel(sample, label, numClasses);
            }
            truth[i] = AveragePrecision.manyHot(sample.labels(), numClasses);
        }
        return truth;
    }

    private static int checkedLabel(RecognitionSample sample, int label, int numClasses) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException("video '" + sample.videoId() + "': label " + label
                    + " is outside the " + numClasses + " scored classes [0, " + (numClasses - 1) + "]");
        }
        return label;
    }

    private static void putCells(ConfusionMatrix confusion, Map<String, Double> values) {
        int[] classes = confusion.classes();
        for (int row = 0; row < classes.length; row++) {
            for (int column = 0; column < classes.length; column++) {
                long count = confusion.counts()[row][column];
                if (count != 0) {
                    values.put(CONFUSION_PREFIX + classes[row] + "/" + classes[column], (double) count);
                }
            }
        }
    }
}
