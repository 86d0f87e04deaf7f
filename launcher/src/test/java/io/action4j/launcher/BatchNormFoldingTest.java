package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.GraphBuilder.ConvNorm;
import io.action4j.api.model.TensorShape;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ExperimentConfig;
import io.action4j.registry.config.ModelConfig;
import io.action4j.registry.model.ComposedModel;
import io.action4j.registry.model.ModelComposer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Folding batch norm into the convolutions leaves the full-size torchvision models' outputs as they
 * were (to 1e-4), with random weights and random batch-norm statistics set after building, as a
 * checkpoint would set them.
 */
class BatchNormFoldingTest {

    private static final double TOLERANCE = 1e-4;
    private static final TensorShape INPUT = TensorShape.of(2, 3, 8, 32, 32);

    @ParameterizedTest
    @ValueSource(strings = {"r3d-18_kinetics400.yaml", "r2plus1d-18_kinetics400.yaml"})
    void foldedModelGivesTheSameScores(String config) {
        try (ComposedModel model = ModelComposer.compose(load(config), INPUT, 3)) {
            randomiseBatchNorms(model);
            INDArray clip = Nd4j.rand(DataType.FLOAT, INPUT.dims()).muli(2).subi(1);
            INDArray expected = model.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE).dup();

            try (ComposedModel folded = model.foldBatchNorm()) {
                INDArray actual = folded.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE);

                List<ConvNorm> pairs = folded.foldedBatchNorms();
                long batchNorms = model.sameDiff().getOps().values().stream().filter(BatchNormFoldingTest::isBatchNorm).count();
                assertThat(pairs).hasSize((int) batchNorms);
                assertThat(folded.sameDiff().getOps().values()).noneMatch(BatchNormFoldingTest::isBatchNorm);
                assertThat(folded.sameDiff().hasVariable(pairs.get(0).mean())).isFalse();
                double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
                System.out.printf("batch-norm folding %s: %d pairs, max |folded - unfolded| = %.3g (max |y| %.3g)%n",
                        config, pairs.size(), maxDiff, expected.amaxNumber().doubleValue());
                assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
                assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
            }
            // The model folded from is left as it was.
            assertThat(model.foldedBatchNorms()).isEmpty();
            assertThat(model.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE)).isEqualTo(expected);
        }
    }

    private static boolean isBatchNorm(SameDiffOp op) {
        return op.getOp() instanceof BatchNorm;
    }

    /** Gamma, beta, running mean and running variance away from their initial 1, 0, 0, 1; the classifier scaled up. */
    private static void randomiseBatchNorms(ComposedModel model) {
        model.sameDiff().variables().forEach(variable -> {
            String name = variable.name();
            if (name.startsWith("cls_head/") && variable.getArr() != null) {
                // Logits of a few units rather than tenths: a tolerance of 1e-4 then means more.
                variable.getArr().muli(10);
                return;
            }
            if (!name.contains(".bn") || variable.getArr() == null) {
                return;
            }
            INDArray array = variable.getArr();
            INDArray uniform = Nd4j.rand(DataType.FLOAT, array.shape());
            if (name.endsWith(".running_var")) {
                array.assign(uniform.muli(1.5).addi(0.5));
            } else if (name.endsWith(".running_mean") || name.endsWith(".bias")) {
                array.assign(uniform.subi(0.5).muli(0.4));
            } else if (name.endsWith(".weight")) {
                array.assign(uniform.muli(1.0).addi(0.5));
            }
        });
    }

    private static ModelConfig load(String config) {
        PluginRegistry registry = PluginLoader.load(BatchNormFoldingTest.class.getClassLoader(), List.of());
        Path file = repository().resolve("configs/recognition/resnet3d").resolve(config);
        return new ConfigBinder(registry).bind(new ConfigLoader().load(file, List.of()), ExperimentConfig.class).model();
    }

    private static Path repository() {
        String configured = System.getProperty("action4j.repository");
        return configured != null ? Path.of(configured) : Path.of("..");
    }
}
