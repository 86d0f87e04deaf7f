package io.action4j.localization.metric;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricResult;
import io.action4j.api.metric.NumpySum;
import io.action4j.api.result.TemporalSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Proposal quality as MMAction2 v1.2.0's {@code ANetMetric} with {@code metric_type='AR@AN'}
 * reports it: the AR@AN curve, its AUC and AR@1/5/10/100. Labels are ignored; a proposal is a
 * scored segment.
 *
 * <p>The conventions that move the figures: each video keeps a share of its own proposals
 * proportional to the budget ({@code (int) (n * ratio)}, truncated), segments are compared in
 * float32, a ground-truth segment is found when any kept proposal reaches the threshold, and the
 * curve's steps are one percent of {@code max_avg_proposals} each. Only videos with ground truth
 * count, but every proposal counts in the total that sets the budget (as in MMAction2).
 */
public final class ProposalRecall implements Metric<LocalizationSample> {

    /** The curve has one point per percent of the proposal budget. */
    public static final int STEPS = 100;
    private static final int[] REPORTED_PERCENTS = {1, 5, 10, 100};

    private final List<Double> thresholds;
    private final OptionalDouble maxAverageProposals;

    /**
     * @param maxAverageProposals the budget per video (MMAction2's {@code max_avg_proposals}); empty
     *                            for the average number of proposals per video
     */
    public ProposalRecall(List<Double> thresholds, OptionalDouble maxAverageProposals) {
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("no tIoU thresholds");
        }
        this.thresholds = List.copyOf(thresholds);
        this.maxAverageProposals = maxAverageProposals;
    }

    /** The name AR at {@code percent} percent of the budget is reported under, e.g. {@code AR@100}. */
    public static String valueName(int percent) {
        return "AR@" + percent;
    }

    @Override
    public Class<LocalizationSample> sampleType() {
        return LocalizationSample.class;
    }

    @Override
    public MetricResult evaluate(List<LocalizationSample> samples) {
        ProposalRecallCurve curve = curve(samples);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("auc", curve.auc());
        for (int percent : REPORTED_PERCENTS) {
            values.put(valueName(percent), curve.averageRecallAt(percent));
        }
        return new MetricResult(values);
    }

    /**
     * @throws IllegalArgumentException if no sample has ground truth, or the budget keeps no proposal
     */
    public ProposalRecallCurve curve(List<LocalizationSample> samples) {
        Map<String, List<TemporalSegment>> truthByVideo = new LinkedHashMap<>();
        Map<String, List<TemporalSegment>> proposalsByVideo = new LinkedHashMap<>();
        int totalProposals = 0;
        for (LocalizationSample sample : samples) {
            if (!sample.groundTruth().isEmpty()) {
                truthByVideo.computeIfAbsent(sample.videoId(), video -> new ArrayList<>()).addAll(sample.groundTruth());
            }
            proposalsByVideo.computeIfAbsent(sample.videoId(), video -> new ArrayList<>()).addAll(sample.predicted());
            totalProposals += sample.predicted().size();
        }
        int videos = truthByVideo.size();
        if (videos == 0) {
            throw new IllegalArgumentException("no ground-truth segments in " + samples.size()
                    + " samples: recall is undefined");
        }
        if (totalProposals == 0) {
            throw new IllegalArgumentException("no proposals in " + samples.size() + " samples");
        }
        double budget = maxAverageProposals.orElse((double) totalProposals / videos);
        double ratio = budget * videos / totalProposals;

        List<float[][]> tiouPerVideo = new ArrayList<>(videos);
        int retrievedInAll = 0;
        for (Map.Entry<String, List<TemporalSegment>> entry : truthByVideo.entrySet()) {
            List<TemporalSegment> truth = entry.getValue();
            List<TemporalSegment> proposals = byScoreDescending(proposalsByVideo.getOrDefault(entry.getKey(), List.of()));
            if (proposals.isEmpty()) {
                tiouPerVideo.add(new float[truth.size()][1]); // MMAction2's zeros((n, 1)): nothing found
                continue;
            }
            int retrieved = Math.min((int) (proposals.size() * ratio), proposals.size());
            retrievedInAll += retrieved;
            tiouPerVideo.add(tiou(truth, proposals.subList(0, retrieved)));
        }
        if (retrievedInAll == 0) {
            throw new IllegalArgumentException("a budget of " + budget + " proposals per video keeps none of the "
                    + totalProposals + " proposals");
        }

        double scale = budget * videos / retrievedInAll;
        double[] budgetShare = new double[STEPS];
        for (int j = 0; j < STEPS; j++) {
            budgetShare[j] = (j + 1) / 100.0 * scale;
        }
        int positives = tiouPerVideo.stream().mapToInt(rows -> rows.length).sum();
        double[][] recall = new double[thresholds.size()][STEPS];
        for (int t = 0; t < thresholds.size(); t++) {
            double threshold = thresholds.get(t);
            for (int j = 0; j < STEPS; j++) {
                long found = 0;
                for (float[][] tiou : tiouPerVideo) {
                    found += found(tiou, threshold, budgetShare[j]);
                }
                recall[t][j] = (double) found / positives;
            }
        }

        double[] averageRecall = new double[STEPS];
        for (double[] row : recall) {
            for (int j = 0; j < STEPS; j++) {
                averageRecall[j] += row[j];
            }
        }
        double[] proposalsPerVideo = new double[STEPS];
        double retrievedPerVideo = (double) retrievedInAll / videos;
        for (int j = 0; j < STEPS; j++) {
            averageRecall[j] /= thresholds.size();
            proposalsPerVideo[j] = budgetShare[j] * retrievedPerVideo;
        }
        double auc = 100.0 * trapezoid(averageRecall, proposalsPerVideo) / proposalsPerVideo[STEPS - 1];
        return new ProposalRecallCurve(thresholds, recall, averageRecall, proposalsPerVideo, auc);
    }

    /** Ground-truth rows with a proposal among the first {@code (int) (kept * share)} that reaches the threshold. */
    private static int found(float[][] tiou, double threshold, double share) {
        int found = 0;
        for (float[] row : tiou) {
            int kept = Math.min((int) (row.length * share), row.length);
            for (int p = 0; p < kept; p++) {
                if (row[p] >= threshold) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static float[][] tiou(List<TemporalSegment> truth, List<TemporalSegment> proposals) {
        float[][] tiou = new float[truth.size()][proposals.size()];
        for (int g = 0; g < truth.size(); g++) {
            TemporalSegment target = truth.get(g);
            for (int p = 0; p < proposals.size(); p++) {
                TemporalSegment proposal = proposals.get(p);
                tiou[g][p] = TemporalIou.ofFloat32((float) proposal.startSeconds(), (float) proposal.endSeconds(),
                        (float) target.startSeconds(), (float) target.endSeconds());
            }
        }
        return tiou;
    }

    /** numpy's {@code argsort()[::-1]} on the scores: ascending and stable, reversed, so ties go last first. */
    private static List<TemporalSegment> byScoreDescending(List<TemporalSegment> proposals) {
        TemporalSegment[] ascending = proposals.toArray(TemporalSegment[]::new);
        Arrays.sort(ascending, (a, b) -> Double.compare(a.score(), b.score()));
        List<TemporalSegment> descending = new ArrayList<>(ascending.length);
        for (int i = ascending.length - 1; i >= 0; i--) {
            descending.add(ascending[i]);
        }
        return descending;
    }

    /** numpy's {@code trapz(y, x)}: the trapezoids' areas, summed pairwise. */
    private static double trapezoid(double[] y, double[] x) {
        double[] areas = new double[y.length - 1];
        for (int i = 0; i < areas.length; i++) {
            areas[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return NumpySum.sum(areas);
    }
}
