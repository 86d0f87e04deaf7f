package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProposalPerturberTest {

    private static final ProposalNoise NOISE = ProposalNoise.defaults();
    private static final int KEYFRAMES = 4000;

    /** Three actors' boxes of different sizes and shapes, one touching the frame's edge. */
    private static final List<FrameBox> TRUTH = List.of(new FrameBox(0.1, 0.2, 0.3, 0.45),
            new FrameBox(0.5, 0.5, 0.62, 0.66), new FrameBox(0.8, 0.0, 1.0, 0.3));

    @Test
    void keptBoxesHitTheStatedIouDistributionAndTheRestAsStated() {
        ProposalPerturber perturber = new ProposalPerturber(NOISE, new SplittableRandom(5));
        List<Double> ious = new ArrayList<>();
        int falseBoxes = 0;
        for (int keyframe = 0; keyframe < KEYFRAMES; keyframe++) {
            for (ProposalPerturber.Proposal proposal : perturber.propose(TRUTH)) {
                assertThat(proposal.box().insideFrame()).isTrue();
                assertThat(proposal.score()).isBetween(0.0, 1.0);
                if (proposal.person() < 0) {
                    falseBoxes++;
                    assertThat(proposal.score()).isBetween(NOISE.minFalseScore(), NOISE.maxFalseScore());
                    assertThat(TRUTH).allSatisfy(box -> assertThat(box.iou(proposal.box()))
                            .isLessThanOrEqualTo(NOISE.falseMaxIou()));
                } else {
                    double iou = proposal.box().iou(TRUTH.get(proposal.person()));
                    assertThat(iou).isCloseTo(proposal.iou(), within(1e-12))
                            .isBetween(NOISE.minIou() - 1e-6, NOISE.maxIou() + 1e-6);
                    ious.add(iou);
                }
            }
        }
        double mean = ious.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double spread = Math.sqrt(ious.stream().mapToDouble(iou -> (iou - mean) * (iou - mean)).average().orElseThrow());
        double[] expected = truncatedNormal(NOISE.meanIou(), NOISE.iouSpread(), NOISE.minIou(), NOISE.maxIou());

        assertThat(mean).isCloseTo(expected[0], within(0.005));
        assertThat(spread).isCloseTo(expected[1], within(0.005));
        assertThat(1 - ious.size() / (double) (KEYFRAMES * TRUTH.size())).isCloseTo(NOISE.dropRate(), within(0.01));
        assertThat(falseBoxes / (double) KEYFRAMES).isCloseTo(NOISE.falsePerKeyframe(), within(0.03));
    }

    @Test
    void theSameSeedGivesTheSameProposals() {
        List<ProposalPerturber.Proposal> first = new ProposalPerturber(NOISE, new SplittableRandom(9)).propose(TRUTH);
        List<ProposalPerturber.Proposal> again = new ProposalPerturber(NOISE, new SplittableRandom(9)).propose(TRUTH);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aPerfectDetectorGivesTheTruth() {
        ProposalNoise perfect = new ProposalNoise(0.999, 0, 0.999, 0.999, 0, 0, 0, 0.3, 0, 0);
        List<ProposalPerturber.Proposal> proposals = new ProposalPerturber(perfect, new SplittableRandom(1))
                .propose(TRUTH);

        assertThat(proposals).hasSize(3).allSatisfy(proposal -> assertThat(proposal.iou()).isCloseTo(0.999,
                within(1e-9)));
    }

    /** Mean and standard deviation of a normal distribution truncated to [low, high], by numerical integration. */
    private static double[] truncatedNormal(double mean, double spread, double low, double high) {
        int steps = 100_000;
        double width = (high - low) / steps;
        double mass = 0;
        double first = 0;
        double second = 0;
        for (int i = 0; i < steps; i++) {
            double x = low + (i + 0.5) * width;
            double density = Math.exp(-0.5 * Math.pow((x - mean) / spread, 2));
            mass += density;
            first += density * x;
            second += density * x * x;
        }
        double expectation = first / mass;
        return new double[] {expectation, Math.sqrt(second / mass - expectation * expectation)};
    }
}
