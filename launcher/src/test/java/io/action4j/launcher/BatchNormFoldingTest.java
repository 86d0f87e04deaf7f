package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.engine.model.SameDiffGraphBuilder.ConvNorm;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv3D;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inference form (batch norm folded into the convolutions, channels last) leaves the full-size
 * models' outputs as they were (to 1e-5 of the largest logit), with random weights and random batch-norm statistics set
 * after building, as a checkpoint would set them. Inputs are small where the architecture allows.
 */
class BatchNormFoldingTest {

    /** Of the largest logit when it exceeds 1 (random statistics make ResNet-50's logits reach thousands). */
    private static final double TOLERANCE = 1e-5;

    /**
     * Every zoo architecture with 3D convolutions, S3D with its head's window fitted to the smaller input, and
     * TSN's 2D ResNet.
     */
    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("resnet3d/r3d-18_kinetics400.yaml", "2x3x8x32x32", List.of()),
                Arguments.of("resnet3d/mc3-18_kinetics400.yaml", "2x3x8x32x32", List.of()),
                Arguments.of("resnet3d/r2plus1d-18_kinetics400.yaml", "2x3x8x32x32", List.of()),
                Arguments.of("r2plus1d/r2plus1d-r34_8xb8-8x8x1-180e_kinetics400-rgb.yaml", "1x3x8x32x32", List.of()),
                Arguments.of("i3d/i3d-nl-r50_kinetics400.yaml", "2x3x8x32x32", List.of()),
                Arguments.of("slowfast/slowonly-r50_kinetics400.yaml", "2x3x8x32x32", List.of()),
                Arguments.of("slowfast/slowfast-r50_4x16x1_kinetics400.yaml", "1x3x32x32x32", List.of()),
                Arguments.of("csn/ircsn-r152_kinetics400.yaml", "1x3x8x32x32", List.of()),
                Arguments.of("s3d/s3d_kinetics400.yaml", "2x3x8x64x64", List.of("model.clsHead.poolKernel=[1,2,2]")),
                Arguments.of("c3d/c3d_ucf101.yaml", "1x3x16x112x112", List.of()),
                // A 2D ResNet on frames: its conv2d + batch-norm pairs fold the same way.
                Arguments.of("tsn/tsn-r50_kinetics400.yaml", "1x3x8x64x64", List.of()),
                // The fusion family (issue 16): 2D trunks on stacked, paired or per-frame inputs, 3D slow fusion,
                // the LSTM's products, and each two-stream fusion with its own convolutions where it has them.
                Arguments.of("synth/early-fusion-r18-small_synth.yaml", "2x3x8x28x28", List.of()),
                Arguments.of("synth/late-fusion-r18-small_synth.yaml", "2x3x8x28x28", List.of()),
                Arguments.of("synth/slow-fusion-small_synth.yaml", "2x3x8x28x28", List.of()),
                Arguments.of("synth/cnn-lstm-r18-small_synth.yaml", "2x3x8x28x28", List.of()),
                Arguments.of("synth/conv-pooling-r18-small_synth.yaml", "2x3x8x28x28", List.of()),
                Arguments.of("synth/rgb-diff-r18-small_synth.yaml", "2x3x7x28x28", List.of()),
                Arguments.of("synth/two-stream-conv-fusion-r18-small_synth.yaml", "2x6x7x28x28", List.of()),
                Arguments.of("synth/two-stream-conv-fusion-r18-small_synth.yaml", "2x6x6x28x28",
                        List.of("model.backbone.fusion=conv3d", "model.backbone.fuseAfter=3", "model.backbone.stackFrames=3")),
                Arguments.of("synth/two-stream-conv-fusion-r18-small_synth.yaml", "2x6x6x28x28",
                        List.of("model.backbone.fusion=bilinear", "model.backbone.stackFrames=2")),
                Arguments.of("synth/two-stream-conv-fusion-r18-small_synth.yaml", "2x6x7x28x28",
                        List.of("model.backbone.fusion=max", "model.backbone.fuseAfter=2")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("configs")
    void foldedChannelsLastModelGivesTheSameScores(String config, String input, List<String> overrides) {
        TensorShape shape = TensorShape.parse(input);
        try (ComposedModel model = ModelComposer.compose(ZooConfigs.model(config, overrides), shape, 3)) {
            Nd4j.getRandom().setSeed(config.hashCode());
            randomiseBatchNorms(model);
            INDArray clip = Nd4j.rand(DataType.FLOAT, shape.dims()).muli(2).subi(1);
            INDArray expected = model.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE).dup();

            try (ComposedModel folded = model.foldBatchNorm()) {
                INDArray actual = folded.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE);

                List<ConvNorm> pairs = folded.foldedBatchNorms();
                long batchNorms = model.sameDiff().getOps().values().stream().filter(BatchNormFoldingTest::isBatchNorm).count();
                assertThat(pairs).hasSizeLessThanOrEqualTo((int) batchNorms);
                if (batchNorms > 0) {
                    assertThat(pairs).isNotEmpty();
                    assertThat(folded.sameDiff().hasVariable(pairs.get(0).mean())).isFalse();
                }
                // Batch norms that do not directly follow a conv3d (e.g. after CSN's depthwise taps) stay.
                assertThat(folded.sameDiff().getOps().values()).filteredOn(BatchNormFoldingTest::isBatchNorm)
                        .hasSize((int) batchNorms - pairs.size());
                assertThat(folded.sameDiff().getOps().values()).filteredOn(op -> op.getOp() instanceof Conv3D)
                        .allSatisfy(op -> assertThat(((Conv3D) op.getOp()).getConfig().getDataFormat()).isEqualTo("NDHWC"));
                if (!config.startsWith("tsn/") && !(config.startsWith("synth/") && !config.contains("slow-fusion")
                        && !overrides.contains("model.backbone.fusion=conv3d"))) {
                    assertThat(folded.sameDiff().getOps().values()).anyMatch(op -> op.getOp() instanceof Conv3D);
                }
                double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
                System.out.printf("batch-norm folding %s: %d pairs, max |folded - unfolded| = %.3g (max |y| %.3g)%n",
                        config, pairs.size(), maxDiff, expected.amaxNumber().doubleValue());
                assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE * Math.max(1, expected.amaxNumber().doubleValue()));
                assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.01);
            }
            // The model folded from is left as it was.
            assertThat(model.foldedBatchNorms()).isEmpty();
            assertThat(model.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE)).isEqualTo(expected);
        }
    }

    private static boolean isBatchNorm(SameDiffOp op) {
        return op.getOp() instanceof BatchNorm;
    }

    /**
     * Every batch norm's mean, variance, gamma and beta (the op's inputs after the feature) away from
     * their initial 0, 1, 1, 0; the classifier scaled up.
     */
    private static void randomiseBatchNorms(ComposedModel model) {
        model.sameDiff().variables().forEach(variable -> {
            if (variable.name().startsWith("cls_head/") && variable.getArr() != null) {
                // Logits of a few units rather than tenths: a tolerance of 1e-4 then means more.
                variable.getArr().muli(10);
            }
            if (variable.name().matches(".*non_local_block\\.(theta|phi)\\..*weight") && variable.getArr() != null) {
                // With random statistics the activations reach thousands; unscaled, theta and phi saturate the
                // non-local softmax, where float32 rounding alone moves the logits by 1e-5 of the largest
                // (see tools/parity_full_size.sh's I3D-NL fixture, scaled the same way).
                variable.getArr().muli(0.01);
            }
        });
        model.sameDiff().getOps().values().stream().filter(BatchNormFoldingTest::isBatchNorm).forEach(op -> {
            List<String> inputs = op.getInputsToOp();
            randomise(model, inputs.get(1), -0.2, 0.2);
            randomise(model, inputs.get(2), 0.5, 2.0);
            randomise(model, inputs.get(3), 0.5, 1.5);
            randomise(model, inputs.get(4), -0.2, 0.2);
        });
    }

    private static void randomise(ComposedModel model, String name, double low, double high) {
        INDArray array = model.sameDiff().getVariable(name).getArr();
        array.assign(Nd4j.rand(DataType.FLOAT, array.shape()).muli(high - low).addi(low));
    }
}
