package io.action4j.engine.model;

import static io.action4j.engine.model.TestModels.CLIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.TensorShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSummarizerTest {

    // tiny3d (width 4, kernel 1x3x3, no bias) + tiny_cls (3 classes) on CLIP = 2x3x4x8x8.
    private static final long CONV_WEIGHTS = 3 * 4 * 1 * 3 * 3;
    private static final long BN_AFFINE = 2 * 4;
    private static final long FC_WEIGHTS = 4 * 3;
    private static final long FC_BIAS = 3;
    private static final long FC = FC_WEIGHTS + FC_BIAS;
    /** The conv's output is 2 x 4 x 4 x 6 x 6; each element sums kT*kH*kW*inC products. */
    private static final long CONV_MACS = (2L * 4 * 4 * 6 * 6) * (1 * 3 * 3 * 3);
    /** 2 x 3 logits, each a dot product of 4 features. */
    private static final long FC_MACS = 2 * 3 * 4;

    @Test
    void countsParametersBuffersAndComputeOfTheRecognitionModel() {
        try (ComposedModel model = TestModels.recognition()) {
            ModelSummary summary = ModelSummarizer.summarize(model, Map.of(ModelComposer.INPUT, CLIP));

            assertThat(summary.parameters()).isEqualTo(CONV_WEIGHTS + BN_AFFINE + FC);
            assertThat(summary.buffers()).isEqualTo(8);
            assertThat(summary.macs()).isEqualTo(CONV_MACS + FC_MACS);
            assertThat(summary.flops()).isEqualTo(2 * (CONV_MACS + FC_MACS));
            assertThat(summary.outputs()).containsEntry(ModelComposer.CLS_SCORE, TensorShape.of(2, 3));
        }
    }

    @Test
    void layersAreListedInExecutionOrderWithTheirOwnParametersAndCompute() {
        try (ComposedModel model = TestModels.recognition()) {
            List<LayerSummary> layers = ModelSummarizer.summarize(model, Map.of(ModelComposer.INPUT, CLIP)).layers();

            LayerSummary conv = layers.get(0);
            assertThat(conv.name()).isEqualTo("backbone/conv");
            assertThat(conv.op()).isEqualTo("conv3dnew");
            assertThat(conv.outputShape()).isEqualTo(TensorShape.of(2, 4, 4, 6, 6));
            assertThat(conv.parameters()).isEqualTo(CONV_WEIGHTS);
            assertThat(conv.macs()).isEqualTo(CONV_MACS);
            assertThat(layers).extracting(LayerSummary::name)
                    .containsSubsequence("backbone/conv", "backbone/bn", "backbone/relu", "cls_head/fc.matmul",
                            "cls_head/fc");
            LayerSummary product = layers.get(layers.size() - 2);
            assertThat(product.op()).isEqualTo("matmul");
            assertThat(product.macs()).isEqualTo(FC_MACS);
            assertThat(layers).extracting(LayerSummary::parameters)
                    .containsOnlyOnce(CONV_WEIGHTS, BN_AFFINE, FC_WEIGHTS, FC_BIAS);
        }
    }

    @Test
    void detectionModelIsSummarisedWithExampleBoxes() {
        try (ComposedModel model = ModelComposer.compose(TestModels.model(TestModels.TINY3D, TestModels.TINY_ROI), CLIP, 1)) {
            ModelSummary summary = ModelSummarizer.summarize(model,
                    Map.of(ModelComposer.INPUT, CLIP, ModelComposer.ROIS, TensorShape.of(3, 5)));

            assertThat(summary.outputs()).containsEntry("scores", TensorShape.of(3, 2));
        }
    }

    @Test
    void inputWithoutAFullyKnownShapeIsRejectedByName() {
        try (ComposedModel model = TestModels.recognition()) {
            assertThatThrownBy(() -> ModelSummarizer.summarize(model,
                    Map.of(ModelComposer.INPUT, TensorShape.parse("?x3x4x8x8"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'input'");
        }
    }

    @Test
    void convolutionMacsAreOutputsTimesKernelVolumeTimesInputChannels() {
        long macs = ModelSummarizer.macs("conv3dnew",
                List.of(new long[] {1, 3, 4, 8, 8}, new long[] {1, 3, 3, 3, 16}), new long[] {1, 16, 4, 6, 6});

        assertThat(macs).isEqualTo((16L * 4 * 6 * 6) * (3 * 3 * 3));
    }

    @Test
    void linearMacsAreOutputsTimesInputFeatures() {
        long macs = ModelSummarizer.macs("xw_plus_b",
                List.of(new long[] {2, 4}, new long[] {4, 3}, new long[] {3}), new long[] {2, 3});

        assertThat(macs).isEqualTo(2 * 3 * 4);
    }

    @Test
    void matmulMacsUseTheSharedDimensionWhetherOrNotTheFirstOperandIsTransposed() {
        long plain = ModelSummarizer.macs("matmul", List.of(new long[] {2, 5}, new long[] {5, 7}), new long[] {2, 7});
        long transposed = ModelSummarizer.macs("matmul", List.of(new long[] {5, 2}, new long[] {5, 7}), new long[] {2, 7});
        long batched = ModelSummarizer.macs("matmul", List.of(new long[] {4, 2, 5}, new long[] {4, 5, 7}),
                new long[] {4, 2, 7});

        assertThat(plain).isEqualTo(2 * 7 * 5);
        assertThat(transposed).isEqualTo(2 * 7 * 5);
        assertThat(batched).isEqualTo(4 * 2 * 7 * 5);
    }

    @Test
    void otherOpsAndConvolutionsWithoutWeightsCountNothing() {
        assertThat(ModelSummarizer.macs("relu", List.of(new long[] {2, 3}), new long[] {2, 3})).isZero();
        assertThat(ModelSummarizer.macs("conv3dnew", List.of(new long[] {1, 3, 4, 8, 8}), new long[] {1, 4, 4, 6, 6}))
                .isZero();
    }
}
