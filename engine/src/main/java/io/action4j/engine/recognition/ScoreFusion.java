package io.action4j.engine.recognition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Late fusion of saved scores, as MMAction2's {@code tools/analysis_tools/report_accuracy.py} fuses the scores
 * of several modalities (RGB, flow, RGB difference): per video, the weighted average of each source's scores
 * (optionally each first turned into probabilities by a softmax), the two-stream networks' late fusion at test
 * time. report_accuracy sums without dividing by the weights' total; the average ranks the classes the same
 * way and keeps probabilities probabilities.
 */
public final class ScoreFusion {

    private ScoreFusion() {
    }

    /**
     * @param sources each source's predictions; every source must name the same videos, with as many scores
     * @param names the sources' names (their files) for messages, one per source
     * @param weights one positive weight per source
     * @param softmax apply a softmax to each source's scores first (for logits; MMAction2's {@code --apply-softmax})
     * @return one prediction per video, in the first source's order, labels from the first source that has them
     * @throws IllegalArgumentException naming the file and the video where the sources disagree
     */
    public static List<Prediction> fuse(List<List<Prediction>> sources, List<String> names, List<Double> weights,
                                        boolean softmax) {
        if (sources.size() < 2) {
            throw new IllegalArgumentException("score fusion needs two sources or more, got " + sources.size());
        }
        if (weights.size() != sources.size() || names.size() != sources.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + sources.size()
                    + " predictions files: give one weight per file");
        }
        double total = 0;
        for (double weight : weights) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be positive and finite, got " + weights);
            }
            total += weight;
        }
        List<Map<String, Prediction>> byVideo = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            Map<String, Prediction> map = new LinkedHashMap<>();
            sources.get(s).forEach(prediction -> map.put(prediction.video(), prediction));
            byVideo.add(map);
        }
        List<Prediction> first = sources.get(0);
        for (int s = 1; s < sources.size(); s++) {
            if (sources.get(s).size() != first.size()) {
                throw new IllegalArgumentException(names.get(s) + " has " + sources.get(s).size() + " videos, "
                        + names.get(0) + " " + first.size() + ": fused files must score the same videos");
            }
        }
        List<Prediction> fused = new ArrayList<>(first.size());
        for (Prediction lead : first) {
            int classes = lead.scores().length;
            double[] sum = new double[classes];
            List<Integer> labels = List.of();
            for (int s = 0; s < sources.size(); s++) {
                Prediction prediction = byVideo.get(s).get(lead.video());
                if (prediction == null) {
                    throw new IllegalArgumentException(names.get(s) + " has no scores for " + lead.video() + ", which "
                            + names.get(0) + " scores: fused files must score the same videos");
                }
                float[] scores = prediction.scores();
                if (scores.length != classes) {
                    throw new IllegalArgumentException(names.get(s) + ": " + lead.video() + " has " + scores.length
                            + " scores, " + names.get(0) + " gives it " + classes + ": the files score different classes");
                }
                double[] values = softmax ? softmax(scores) : toDouble(scores);
                for (int c = 0; c < classes; c++) {
                    sum[c] += weights.get(s) * values[c];
                }
                if (labels.isEmpty()) {
                    labels = prediction.labels();
                }
            }
            float[] average = new float[classes];
            for (int c = 0; c < classes; c++) {
                average[c] = (float) (sum[c] / total);
            }
            fused.add(new Prediction(lead.video(), average, labels));
        }
        return List.copyOf(fused);
    }

    /** The sources' names as the command line gave them. */
    public static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    private static double[] softmax(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        double[] out = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            out[c] = Math.exp(scores[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < scores.length; c++) {
            out[c] /= sum;
        }
        return out;
    }

    private static double[] toDouble(float[] scores) {
        double[] out = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            out[c] = scores[c];
        }
        return out;
    }
}
