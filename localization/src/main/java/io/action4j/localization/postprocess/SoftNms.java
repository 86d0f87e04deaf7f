package io.action4j.localization.postprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Soft-NMS over temporal proposals as MMAction2's {@code soft_nms} and {@code post_processing} do
 * it: the best remaining proposal is kept and every other one whose tIoU with it exceeds a threshold
 * has its score multiplied by {@code exp(-tIoU^2 / alpha)}. The threshold grows with the kept
 * proposal's length: {@code low + (high - low) * length}, length in units of the whole sequence, so
 * proposals are given normalised to [0, 1].
 *
 * @param alpha the Gaussian's width ({@code soft_nms_alpha})
 * @param lowThreshold the threshold next to a short kept proposal
 * @param highThreshold the threshold next to a kept proposal as long as the sequence
 * @param topK proposals returned
 */
public record SoftNms(double alpha, double lowThreshold, double highThreshold, int topK) {

    /** A proposal in normalised time. */
    public record Proposal(double start, double end, double score) {
    }

    public SoftNms {
        if (!(alpha > 0) || topK < 1) {
            throw new IllegalArgumentException("Soft-NMS needs alpha > 0 and topK >= 1, got " + alpha + ", " + topK);
        }
    }

    /**
     * The at most {@code topK} best proposals after decay, best first. Like MMAction2, a single
     * proposal is returned as it is and the selection keeps one more than {@code topK} before the cut.
     */
    public List<Proposal> apply(List<Proposal> proposals) {
        List<Proposal> kept = proposals.size() > 1 ? decay(proposals) : new ArrayList<>(proposals);
        List<Proposal> best = byScoreDescending(kept);
        return List.copyOf(best.subList(0, Math.min(topK, best.size())));
    }

    private List<Proposal> decay(List<Proposal> proposals) {
        List<Proposal> sorted = byScoreDescending(proposals);
        int n = sorted.size();
        double[] start = new double[n];
        double[] end = new double[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = sorted.get(i).start();
            end[i] = sorted.get(i).end();
            score[i] = sorted.get(i).score();
        }
        boolean[] taken = new boolean[n];
        List<Proposal> kept = new ArrayList<>();
        for (int remaining = n; remaining > 0 && kept.size() <= topK; remaining--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || score[i] > score[best])) {
                    best = i; // the first of equal maxima, as numpy's argmax
                }
            }
            double length = end[best] - start[best];
            double threshold = lowThreshold + (highThreshold - lowThreshold) * length;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && i != best) {
                    double iou = tiou(start[best], end[best], start[i], end[i]);
                    if (iou > threshold) {
                        score[i] = score[i] * Math.exp(-(iou * iou) / alpha);
                    }
                }
            }
            kept.add(new Proposal(start[best], end[best], score[best]));
            taken[best] = true;
        }
        return kept;
    }

    /** MMAction2's {@code temporal_iou}, its operations in its order. */
    static double tiou(double start, double end, double otherStart, double otherEnd) {
        double length = end - start;
        double intersection = Math.max(Math.min(end, otherEnd) - Math.max(start, otherStart), 0.0);
        double union = length - intersection + otherEnd - otherStart;
        return intersection / union;
    }

    /** numpy's {@code argsort()[::-1]}: ascending and stable, reversed, so ties go last first. */
    static List<Proposal> byScoreDescending(List<Proposal> proposals) {
        Proposal[] ascending = proposals.toArray(Proposal[]::new);
        Arrays.sort(ascending, (a, b) -> Double.compare(a.score(), b.score()));
        List<Proposal> descending = new ArrayList<>(ascending.length);
        for (int i = ascending.length - 1; i >= 0; i--) {
            descending.add(ascending[i]);
        }
        return descending;
    }
}
