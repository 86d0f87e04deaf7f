package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.checkpoint.CheckpointLoader;
import io.action4j.engine.checkpoint.KeyMappings;
import io.action4j.engine.checkpoint.LoadReport;
import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.checkpoint.StateDict;
import io.action4j.engine.checkpoint.TensorData;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.LossFunction;
import io.action4j.engine.training.Optimizer;
import io.action4j.engine.training.OptimizerConfig;
import io.action4j.engine.training.TrainingGraph;
import io.action4j.plugins.resnet3d.ResNet3dBackboneFactory;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step of a small R(2+1)D with an I3D head against PyTorch's (fixture made by
 * {@code src/test/resources/training/make_training_fixtures.py}): the loss, the logits, every
 * gradient and the running statistics after the pass, with the same weights and input.
 */
class TrainingParityTest {

    private static final double TOLERANCE = 1e-4;
    /**
     * Weights after two SGD steps: this tiny network amplifies rounding, so that PyTorch itself in
     * float32 and in float64 ends 7.2e-4 apart (largest difference, a batch-norm bias).
     */
    private static final double SGD_TOLERANCE = 1e-3;
    private static StateDict fixture;
    private static ModelConfig config;

    @BeforeAll
    static void load() throws URISyntaxException {
        fixture = Safetensors.read(Path.of(TrainingParityTest.class.getResource("/training/r2plus1d_step.safetensors").toURI()));
        PluginRegistry registry = PluginLoader.load(TrainingParityTest.class.getClassLoader(), List.of());
        String model = "{\"model\": " + fixture.metadata().get("config") + "}";
        config = new ConfigBinder(registry).bind(new ConfigLoader().parse(model, "fixture config"), ExperimentConfig.class)
                .model();
    }

    @Test
    void onePassMatchesPyTorch() {
        INDArray input = array("input");
        TensorShape shape = TensorShape.of(input.shape());
        try (TrainingGraph graph = TrainingGraph.build(config, shape, 1, LossFunction.CROSS_ENTROPY)) {
            LoadReport loaded = load(graph.model(), "initial/", true);
            assertThat(loaded.complete()).as(loaded.describe()).isTrue();

            TrainingGraph.Pass pass = graph.forwardBackward(input, array("targets"), new SplittableRandom(0));

            assertThat(pass.loss()).isCloseTo(array("loss").getDouble(0), org.assertj.core.data.Offset.offset(TOLERANCE));
            assertClose("logits", pass.logits(), array("logits"));
            assertThat(pass.gradients().keySet()).containsExactlyInAnyOrderElementsOf(graph.parameterNames());

            // PyTorch's gradients, by graph name and in the graph's layout: load them as if they were weights.
            try (ComposedModel expected = ModelComposer.compose(config, shape, 1)) {
                LoadReport gradients = load(expected, "grad/", false);
                assertThat(gradients.loaded()).hasSize(graph.parameterNames().size());
                for (String name : graph.parameterNames()) {
                    assertClose("gradient of " + name, pass.gradients().get(name), expected.sameDiff().getArrForVarName(name));
                }

                graph.updateRunningStatistics(pass);
                load(expected, "after_forward/", false);
                int checked = 0;
                for (var norm : graph.model().batchStatistics()) {
                    for (String name : List.of(norm.runningMean(), norm.runningVariance())) {
                        assertClose(name, graph.model().sameDiff().getArrForVarName(name),
                                expected.sameDiff().getArrForVarName(name));
                        checked++;
                    }
                }
                assertThat(checked).isEqualTo(fixture.tensors().keySet().stream()
                        .filter(name -> name.startsWith("after_forward/")).count());
            }
        }
    }

    @Test
    void sgdStepsWithMomentumMatchPyTorch() {
        INDArray input = array("input");
        INDArray targets = array("targets");
        try (TrainingGraph graph = TrainingGraph.build(config, TensorShape.of(input.shape()), 1, LossFunction.CROSS_ENTROPY)) {
            load(graph.model(), "initial/", true);
            Optimizer sgd = Optimizer.create(new OptimizerConfig("SGD", 0.01, 0.9, false, 1e-4, null, null));
            float[] losses = fixture.tensors().get("sgd_losses").values();
            for (int step = 0; step < losses.length; step++) {
                TrainingGraph.Pass pass = graph.forwardBackward(input, targets, new SplittableRandom(step));
                assertThat(pass.loss()).as("loss before step " + (step + 1))
                        .isCloseTo(losses[step], org.assertj.core.data.Offset.offset(TOLERANCE));
                sgd.step(graph.parameters(), pass.gradients(), 0.01);
                graph.updateRunningStatistics(pass);
            }
            try (ComposedModel expected = ModelComposer.compose(config, TensorShape.of(input.shape()), 1)) {
                LoadReport loaded = load(expected, "after_sgd/", true);
                assertThat(loaded.complete()).as(loaded.describe()).isTrue();
                for (String name : graph.parameterNames()) {
                    assertClose(name + " after the SGD steps", graph.model().sameDiff().getArrForVarName(name),
                            expected.sameDiff().getArrForVarName(name), SGD_TOLERANCE);
                }
            }
        }
    }

    @Test
    void dropoutMasksAreInvertedAndDrawnFromTheGivenGenerator() {
        INDArray input = array("input");
        ModelConfig withDropout = new ConfigBinder(PluginLoader.load(getClass().getClassLoader(), List.of())).bind(
                new ConfigLoader().parse("{\"model\": " + fixture.metadata().get("config").replace("\"dropoutRatio\": 0.0",
                        "\"dropoutRatio\": 0.5") + "}", "fixture config"), ExperimentConfig.class).model();
        try (TrainingGraph graph = TrainingGraph.build(withDropout, TensorShape.of(input.shape()), 1,
                LossFunction.CROSS_ENTROPY)) {
            load(graph.model(), "initial/", true);
            assertThat(graph.model().dropoutMasks()).hasSize(1);
            TrainingGraph.Pass first = graph.forwardBackward(input, array("targets"), new SplittableRandom(7));
            TrainingGraph.Pass again = graph.forwardBackward(input, array("targets"), new SplittableRandom(7));
            TrainingGraph.Pass other = graph.forwardBackward(input, array("targets"), new SplittableRandom(8));
            assertThat(again.loss()).isEqualTo(first.loss());
            assertThat(other.loss()).isNotEqualTo(first.loss());
            // Without dropout the loss is PyTorch's; with it, a different one.
            assertThat(first.loss()).isNotCloseTo(array("loss").getDouble(0), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    private static LoadReport load(ComposedModel model, String prefix, boolean strict) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        fixture.tensors().forEach((name, tensor) -> {
            if (name.startsWith(prefix)) {
                String key = name.substring(prefix.length());
                tensors.put(key, tensor.rename(key));
            }
        });
        CheckpointLoader loader = new CheckpointLoader(KeyMappings.of(
                new ResNet3dBackboneFactory().checkpointKeyMappings()).named("torchvision_r2plus1d"));
        return strict ? loader.loadStrict(model, tensors, prefix) : loader.loadMatching(model, tensors, prefix);
    }

    private static INDArray array(String name) {
        TensorData tensor = fixture.tensors().get(name);
        return Nd4j.create(tensor.values(), tensor.shape(), 'c');
    }

    private static void assertClose(String what, INDArray actual, INDArray expected) {
        assertClose(what, actual, expected, TOLERANCE);
    }

    private static void assertClose(String what, INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = actual.castTo(expected.dataType()).sub(expected).amaxNumber().doubleValue();
        assertThat(diff / scale).as(what + ": max |diff| " + diff).isLessThanOrEqualTo(tolerance);
    }
}
