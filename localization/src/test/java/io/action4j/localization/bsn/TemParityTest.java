package io.action4j.localization.bsn;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * TEM against MMAction2 v1.2.0's own ({@code parity/make_tem_fixture.py}): the same weights and
 * features give the same actionness, start and end; the same ground truth the same targets; and one
 * step the same loss.
 */
class TemParityTest {

    private static final ParityFixture FIXTURE = ParityFixture.resource(TemParityTest.class, "tem");

    @Test
    void outputsTargetsAndLossMatchMmaction2s() throws Exception {
        JsonNode config = FIXTURE.config();
        TemConfig tem = new TemConfig(config.get("temporalDim").asInt(), config.get("featDim").asInt(),
                config.get("hiddenDim").asInt(), config.get("boundaryRatio").asDouble(),
                config.get("matchThreshold").asDouble(), 2, 0.5, 0.4, 0.5, 0.9, 100);
        ConfigBinder binder = new ConfigBinder(PluginLoader.load(getClass().getClassLoader(), List.of()));
        ExperimentConfig experiment = binder.bind(new ConfigLoader().parse("model:\n  locHead:\n    type: tem\n"
                + "    temporalDim: " + tem.temporalDim() + "\n    featDim: " + tem.featDim() + "\n    hiddenDim: "
                + tem.hiddenDim() + "\n    boundaryRatio: " + tem.boundaryRatio() + "\n", "tem"), ExperimentConfig.class);
        INDArray features = FIXTURE.tensor("features");
        int steps = tem.temporalDim();

        List<double[][]> segments = new ArrayList<>();
        FIXTURE.manifest().get("gtBboxes").forEach(boxes -> {
            double[][] sample = new double[boxes.size()][2];
            for (int i = 0; i < boxes.size(); i++) {
                sample[i][0] = boxes.get(i).get(0).asDouble();
                sample[i][1] = boxes.get(i).get(1).asDouble();
            }
            segments.add(sample);
        });
        TemObjective objective = new TemObjective(tem);
        Map<String, INDArray> targets = objective.of(segments, steps, new SplittableRandom(0));
        assertThat(targets.get(TemObjective.GT_ACTIONNESS).data().asFloat())
                .containsExactly(FIXTURE.tensor("label_action").data().asFloat());
        assertThat(targets.get(TemObjective.GT_START).data().asFloat())
                .containsExactly(FIXTURE.tensor("label_start").data().asFloat());
        assertThat(targets.get(TemObjective.GT_END).data().asFloat())
                .containsExactly(FIXTURE.tensor("label_end").data().asFloat());

        try (TrainingGraph graph = TrainingGraph.build(experiment.model(), TensorShape.of(1, tem.featDim(), steps), 0,
                objective, ModelComposer.Parts.ALL)) {
            FIXTURE.tensors().forEach((key, value) -> TemHeadFactory.MMACTION2_TEM.toGraphName(key)
                    .filter(name -> graph.model().sameDiff().hasVariable(name))
                    .ifPresent(name -> graph.model().sameDiff().getVariable(name).setArray(
                            graph.model().torchLayout(name).map(order -> value.permute(order).dup('c')).orElse(value))));
            TrainingGraph.Pass pass = graph.forwardBackward(new TrainingBatch(Map.of(ModelComposer.INPUT, features),
                    targets, (int) features.size(0)), new SplittableRandom(0));
            double expected = FIXTURE.tensor("loss_action").getDouble(0) + FIXTURE.tensor("loss_start").getDouble(0)
                    + FIXTURE.tensor("loss_end").getDouble(0);
            assertThat(pass.loss()).isCloseTo(expected, within(1e-5 * expected));

            Map<String, INDArray> outputs = graph.model().run(Map.of(ModelComposer.INPUT, features));
            String[] names = {TemHead.ACTIONNESS, TemHead.START, TemHead.END};
            for (int channel = 0; channel < 3; channel++) {
                INDArray expectedChannel = FIXTURE.tensor("output").get(NDArrayIndex.all(), NDArrayIndex.point(channel),
                        NDArrayIndex.all());
                double difference = outputs.get(names[channel]).sub(expectedChannel).amaxNumber().doubleValue();
                assertThat(difference).as(names[channel]).isLessThan(1e-6);
            }
        }
    }
}
