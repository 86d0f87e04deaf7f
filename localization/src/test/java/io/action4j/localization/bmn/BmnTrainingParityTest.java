package io.action4j.localization.bmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingBatch;
import io.action4j.engine.training.TrainingGraph;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.testing.ParityFixture;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One BMN training step against MMAction2 v1.2.0's own ({@code parity/make_bmn_fixture.py}): the
 * same ground truth gives the same targets ({@code generate_labels}), and the same weights, features,
 * targets and random draws give the same four losses ({@code BMNLoss}) and the same gradient for
 * every parameter.
 */
class BmnTrainingParityTest {

    private static final ParityFixture MODEL = ParityFixture.resource(BmnTrainingParityTest.class, "bmn");
    private static final ParityFixture STEP = ParityFixture.resource(BmnTrainingParityTest.class, "bmn_training");

    @Test
    void groundTruthGivesMmaction2sTargets() {
        int steps = MODEL.config().get("temporalDim").asInt();
        JsonNode boxes = STEP.manifest().get("gtBboxes");
        for (int n = 0; n < boxes.size(); n++) {
            BmnLabels labels = BmnLabels.of(segments(boxes.get(n)), steps);

            assertThat(labels.confidence()).as("confidence %d", n)
                    .containsExactly(row(STEP.tensor("label_confidence"), n), within(0f));
            assertThat(labels.start()).as("start %d", n).containsExactly(row(STEP.tensor("label_start"), n), within(0f));
            assertThat(labels.end()).as("end %d", n).containsExactly(row(STEP.tensor("label_end"), n), within(0f));
        }
    }

    @Test
    void oneStepGivesMmaction2sLossesAndGradients() throws Exception {
        JsonNode config = MODEL.config();
        int steps = config.get("temporalDim").asInt();
        ConfigBinder binder = new ConfigBinder(PluginLoader.load(getClass().getClassLoader(), List.of()));
        ExperimentConfig experiment = binder.bind(new ConfigLoader().parse("model:\n  locHead:\n    type: bmn\n"
                + config.properties().stream().map(e -> "    " + e.getKey() + ": " + e.getValue() + "\n")
                        .reduce("", String::concat), "bmn"), ExperimentConfig.class);
        INDArray features = MODEL.tensor("features");
        try (TrainingGraph graph = TrainingGraph.build(experiment.model(),
                TensorShape.of(1, features.size(1), features.size(2)), 0, new BmnObjective(steps),
                ModelComposer.Parts.ALL)) {
            loadStateDict(graph);
            TrainingBatch batch = new TrainingBatch(Map.of(ModelComposer.INPUT, features), Map.of(
                    BmnObjective.GT_IOU_MAP, STEP.tensor("label_confidence"),
                    BmnObjective.GT_START, STEP.tensor("label_start"),
                    BmnObjective.GT_END, STEP.tensor("label_end"),
                    BmnObjective.RANDOM_MID, STEP.tensor("random_mid"),
                    BmnObjective.RANDOM_LOW, STEP.tensor("random_low")), (int) features.size(0));

            TrainingGraph.Pass pass = graph.forwardBackward(batch, new SplittableRandom(0));

            double expectedLoss = STEP.tensor("loss").getDouble(0);
            assertThat(pass.loss()).isCloseTo(expectedLoss, within(1e-5 * Math.abs(expectedLoss)));
            for (Map.Entry<String, INDArray> entry : STEP.tensors().entrySet()) {
                if (!entry.getKey().startsWith("grad.")) {
                    continue;
                }
                String key = entry.getKey().substring("grad.".length());
                String name = BmnHeadFactory.MMACTION2_BMN.toGraphName(key).orElseThrow();
                INDArray expected = toGraphLayout(graph, name, entry.getValue());
                INDArray actual = pass.gradients().get(name);
                double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-6);
                double difference = actual.sub(expected).amaxNumber().doubleValue();
                assertThat(difference).as(key + ": largest difference, the gradient up to " + scale)
                        .isLessThan(1e-4 * scale);
            }
        }
    }

    private static void loadStateDict(TrainingGraph graph) {
        MODEL.tensors().forEach((key, value) -> BmnHeadFactory.MMACTION2_BMN.toGraphName(key)
                .filter(name -> graph.model().sameDiff().hasVariable(name))
                .ifPresent(name -> graph.model().sameDiff().getVariable(name).setArray(toGraphLayout(graph, name, value))));
    }

    private static INDArray toGraphLayout(TrainingGraph graph, String name, INDArray torch) {
        int[] order = graph.model().torchLayout(name).orElse(torch.rank() == 5 ? new int[] {2, 3, 4, 1, 0} : null);
        return order == null ? torch : torch.permute(order).dup('c');
    }

    private static double[][] segments(JsonNode boxes) {
        double[][] segments = new double[boxes.size()][2];
        for (int i = 0; i < boxes.size(); i++) {
            segments[i][0] = boxes.get(i).get(0).asDouble();
            segments[i][1] = boxes.get(i).get(1).asDouble();
        }
        return segments;
    }

    private static float[] row(INDArray batch, int n) {
        return batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).dup().reshape(-1).toFloatVector();
    }
}
