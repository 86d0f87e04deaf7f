package io.action4j.spatiotemporal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AvaObjectiveTest {

    private static final float[][] LOGITS = {{3.0f, -1.5f, 0.2f, 2.5f}, {-0.7f, 4.0f, -3.0f, 0.0f}};
    private static final float[][] TARGETS = {{0, 1, 0, 1}, {0, 0, 1, 1}};

    /** MMAction2's loss_and_target for multi-label AVA, written out: class 0 left out, focal BCE, mean. */
    private static double reference(double gamma, double alpha) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < LOGITS.length; r++) {
            for (int c = 1; c < LOGITS[r].length; c++) {
                double x = LOGITS[r][c];
                double z = TARGETS[r][c];
                double p = 1 / (1 + Math.exp(-x));
                double bce = -(z * Math.log(p) + (1 - z) * Math.log(1 - p));
                sum += alpha * Math.pow(1 - Math.exp(-bce), gamma) * bce;
                count++;
            }
        }
        return sum / count;
    }

    private static double loss(double gamma, double alpha) {
        SameDiff sd = SameDiff.create();
        SDVariable scores = sd.placeHolder("scores", DataType.FLOAT, -1, 4);
        SDVariable loss = new AvaObjective(4, gamma, alpha).buildLoss(sd,
                Map.of(ModelComposer.CLS_SCORE, new Feature(scores, TensorShape.of(TensorShape.UNKNOWN, 4))));
        assertThat(loss.name()).isEqualTo(TrainingGraph.LOSS);
        INDArray value = sd.output(Map.of("scores", Nd4j.create(LOGITS), AvaObjective.LABELS, Nd4j.create(TARGETS)),
                TrainingGraph.LOSS).get(TrainingGraph.LOSS);
        return value.getDouble(0);
    }

    @Test
    void isMmaction2sMultiLabelLossWithoutTheBackgroundClass() {
        assertThat(loss(0, 1)).isCloseTo(reference(0, 1), within(1e-6));
        assertThat(loss(2, 0.25)).isCloseTo(reference(2, 0.25), within(1e-6));
    }

    @Test
    void aProposalTakesTheActionsOfThePersonItOverlapsAtLeastAsMuchAsTheThreshold() {
        AvaGroundTruth.Person left = new AvaGroundTruth.Person(new NormalizedBox(0.1f, 0.1f, 0.4f, 0.6f), Set.of(1, 3));
        AvaGroundTruth.Person right = new AvaGroundTruth.Person(new NormalizedBox(0.5f, 0.2f, 0.8f, 0.9f), Set.of(2));
        NormalizedBox nearLeft = new NormalizedBox(0.1f, 0.1f, 0.4f, 0.62f);
        NormalizedBox offRight = new NormalizedBox(0.55f, 0.2f, 0.85f, 0.9f);

        List<Optional<AvaGroundTruth.Person>> assigned = new MaxIouAssignerAva(0.9)
                .assign(List.of(nearLeft, offRight), List.of(left, right));

        assertThat(assigned).containsExactly(Optional.of(left), Optional.empty());
    }

    @Test
    void aKeyframeWithMoreThan32PositivesTrainsOn32DrawnAtRandomEachWithItsOwnTarget() {
        List<NormalizedBox> boxes = new java.util.ArrayList<>();
        List<AvaGroundTruth.Person> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NormalizedBox box = new NormalizedBox(0, 0, 0.01f * (i + 1), 0.5f);
            boxes.add(box);
            targets.add(new AvaGroundTruth.Person(box, Set.of(i + 1)));
        }

        AvaTrainingData.sample(boxes, targets, new java.util.SplittableRandom(3));

        assertThat(boxes).hasSize(32).doesNotHaveDuplicates();
        assertThat(targets).hasSize(32);
        for (int i = 0; i < 32; i++) {
            assertThat(targets.get(i).box()).isEqualTo(boxes.get(i));
        }
        assertThat(boxes).isNotEqualTo(boxes.stream().sorted(java.util.Comparator.comparing(NormalizedBox::x2)).toList());
    }
}
