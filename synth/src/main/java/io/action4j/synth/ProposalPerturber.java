package io.action4j.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Turns one keyframe's true boxes into a detector's proposals, erring as {@link ProposalNoise} says. */
final class ProposalPerturber {

    /**
     * One proposal.
     *
     * @param person the actor it was made from, or -1 for a false box
     * @param iou    its IoU with that actor's box (0 for a false box)
     */
    record Proposal(FrameBox box, double score, int person, double iou) {
    }

    /** Proposals narrower or lower than this (fractions of the frame) are drawn again. */
    private static final double MIN_SIDE = 0.01;
    private static final int BISECTIONS = 60;
    private static final int ATTEMPTS = 50;

    private final ProposalNoise noise;
    private final SplittableRandom random;

    ProposalPerturber(ProposalNoise noise, SplittableRandom random) {
        this.noise = noise;
        this.random = random;
    }

    /** The proposals for one keyframe whose true boxes are {@code truth}, actor {@code i} at index i. */
    List<Proposal> propose(List<FrameBox> truth) {
        List<Proposal> proposals = new ArrayList<>();
        for (int person = 0; person < truth.size(); person++) {
            // Every draw happens for every box, kept or not, so one box's fate does not shift the others'.
            boolean dropped = random.nextDouble() < noise.dropRate();
            double target = targetIou();
            FrameBox moved = withIou(truth.get(person), target);
            double iou = moved.iou(truth.get(person));
            double score = clamp(iou + noise.scoreNoise() * random.nextGaussian(), 0.3, 0.999);
            if (!dropped) {
                proposals.add(new Proposal(moved, score, person, iou));
            }
        }
        int falseBoxes = poisson(noise.falsePerKeyframe());
        for (int i = 0; i < falseBoxes && !truth.isEmpty(); i++) {
            FrameBox box = falseBox(truth);
            double score = random.nextDouble() * (noise.maxFalseScore() - noise.minFalseScore()) + noise.minFalseScore();
            if (box != null) {
                proposals.add(new Proposal(box, score, -1, 0));
            }
        }
        return proposals;
    }

    /** A draw from the normal distribution truncated to [minIou, maxIou], by rejection. */
    private double targetIou() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double iou = noise.meanIou() + noise.iouSpread() * random.nextGaussian();
            if (iou >= noise.minIou() && iou <= noise.maxIou()) {
                return iou;
            }
        }
        return noise.meanIou();
    }

    /**
     * The box moved along a random direction of shift and rescaling, as far as makes its IoU with
     * {@code truth} equal {@code target} (bisection: IoU is 1 at no change and falls to 0 far away),
     * clipped to the frame as a detector's boxes are.
     */
    private FrameBox withIou(FrameBox truth, double target) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[] direction = {random.nextGaussian(), random.nextGaussian(), 0.5 * random.nextGaussian(),
                0.5 * random.nextGaussian()};
            double far = 0.05;
            while (along(truth, direction, far).iou(truth) > target && far < 1e3) {
                far *= 2;
            }
            double near = 0;
            for (int i = 0; i < BISECTIONS; i++) {
                double middle = (near + far) / 2;
                if (along(truth, direction, middle).iou(truth) > target) {
                    near = middle;
                } else {
                    far = middle;
                }
            }
            FrameBox box = along(truth, direction, far);
            if (box.width() >= MIN_SIDE && box.height() >= MIN_SIDE) {
                return box;
            }
        }
        return truth;
    }

    /** {@code truth} shifted by {@code distance * (dx w, dy h)} and its sides scaled by {@code exp(distance * ds)}. */
    private static FrameBox along(FrameBox truth, double[] direction, double distance) {
        double centreX = (truth.x1() + truth.x2()) / 2 + distance * direction[0] * truth.width();
        double centreY = (truth.y1() + truth.y2()) / 2 + distance * direction[1] * truth.height();
        double halfWidth = truth.width() / 2 * Math.exp(distance * direction[2]);
        double halfHeight = truth.height() / 2 * Math.exp(distance * direction[3]);
        return new FrameBox(centreX - halfWidth, centreY - halfHeight, centreX + halfWidth, centreY + halfHeight)
                .clipped();
    }

    /** A box the size of a random true box, somewhere in the frame, overlapping no true box much; null if none fits. */
    private FrameBox falseBox(List<FrameBox> truth) {
        FrameBox like = truth.get(random.nextInt(truth.size()));
        double width = Math.min(1, like.width() * Math.exp(0.3 * random.nextGaussian()));
        double height = Math.min(1, like.height() * Math.exp(0.3 * random.nextGaussian()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double x1 = random.nextDouble() * (1 - width);
            double y1 = random.nextDouble() * (1 - height);
            FrameBox box = new FrameBox(x1, y1, x1 + width, y1 + height);
            if (truth.stream().allMatch(real -> real.iou(box) <= noise.falseMaxIou())) {
                return box;
            }
        }
        return null;
    }

    /** Knuth's method: fine for the small means used here. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        int count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
