package io.action4j.synth;

/**
 * How the perturbed proposals err, as a person detector does: each true box is kept with
 * probability {@code 1 - dropRate} and moved and rescaled until its IoU with the truth equals a
 * target drawn from a normal distribution ({@code meanIou}, {@code iouSpread}) truncated to
 * [{@code minIou}, {@code maxIou}]; its score is that IoU plus normal noise ({@code scoreNoise}),
 * clipped to [0.3, 0.999]. False boxes, a Poisson number a keyframe with mean
 * {@code falsePerKeyframe}, of a true box's size class and overlapping no true box by more than
 * {@code falseMaxIou}, score uniformly in [{@code minFalseScore}, {@code maxFalseScore}].
 */
public record ProposalNoise(double meanIou, double iouSpread, double minIou, double maxIou, double dropRate,
                            double scoreNoise, double falsePerKeyframe, double falseMaxIou, double minFalseScore,
                            double maxFalseScore) {

    /** A fair detector: mean IoU about 0.75, one box in ten missed, a false box every third keyframe. */
    public static ProposalNoise defaults() {
        return new ProposalNoise(0.75, 0.1, 0.4, 0.98, 0.1, 0.05, 0.3, 0.3, 0.05, 0.5);
    }

    public ProposalNoise {
        if (!(0 < minIou && minIou <= meanIou && meanIou <= maxIou && maxIou < 1)) {
            throw new IllegalArgumentException("proposal IoUs need 0 < min <= mean <= max < 1, got " + minIou + ", "
                    + meanIou + ", " + maxIou);
        }
        if (!(iouSpread >= 0 && scoreNoise >= 0 && falsePerKeyframe >= 0 && dropRate >= 0 && dropRate <= 1
                && falseMaxIou >= 0 && falseMaxIou < 1 && 0 <= minFalseScore && minFalseScore <= maxFalseScore
                && maxFalseScore <= 1)) {
            throw new IllegalArgumentException("proposal noise needs spreads and rates >= 0, a drop rate and false "
                    + "scores in [0, 1] and a false box overlap below 1");
        }
    }
}
