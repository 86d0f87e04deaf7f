package io.action4j.engine.model;

import static io.action4j.engine.model.TestModels.CLIP;
import static io.action4j.engine.model.TestModels.TINY3D;
import static io.action4j.engine.model.TestModels.TINY_CLS;
import static io.action4j.engine.model.TestModels.TINY_LOC;
import static io.action4j.engine.model.TestModels.TINY_ROI;
import static io.action4j.engine.model.TestModels.model;
import static io.action4j.engine.model.TestModels.randomClip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.config.ModelConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ModelComposerTest {

    @Test
    void recognitionModelDeclaresAnOpenBatchAndRunsOnARealBatch() {
        try (ComposedModel model = TestModels.recognition()) {
            assertThat(model.tasks()).containsExactly(ModelConfig.Task.RECOGNITION);
            assertThat(model.inputShapes()).containsExactly(Map.entry(ModelComposer.INPUT, TensorShape.parse("?x3x4x8x8")));
            assertThat(model.outputs().get(ModelComposer.CLS_SCORE).shape()).hasToString("?x3");

            Map<String, INDArray> outputs = model.run(Map.of(ModelComposer.INPUT, randomClip()));

            assertThat(outputs.get(ModelComposer.CLS_SCORE).shape()).containsExactly(2, 3);
            assertThat(model.localizationHead()).isEmpty();
            assertThat(model.detectionHead()).isEmpty();
        }
    }

    @Test
    void reusedIntermediateArraysGiveTheSameScoresCallAfterCall() {
        INDArray clip = randomClip();
        try (ComposedModel reference = TestModels.recognition().reuseArrays(false);
             ComposedModel model = TestModels.recognition()) {
            INDArray expected = reference.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE);
            List<INDArray> scores = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                INDArray other = randomClip();
                scores.add(model.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE));
                model.run(Map.of(ModelComposer.INPUT, other));
            }

            // Earlier outputs stay intact: later calls do not write into them.
            assertThat(scores).allSatisfy(score -> assertThat(score).isEqualTo(expected));
        }
    }

    @Test
    void parametersAreScopedByTheirModule() {
        try (ComposedModel model = TestModels.recognition()) {
            assertThat(model.sameDiff().hasVariable("backbone/conv.weight")).isTrue();
            assertThat(model.sameDiff().hasVariable("backbone/bn.running_mean")).isTrue();
            assertThat(model.sameDiff().hasVariable("cls_head/fc.weight")).isTrue();
            assertThat(model.sameDiff().hasVariable("conv.weight")).isFalse();
        }
    }

    @Test
    void sameSeedGivesTheSameInitialParameters() {
        try (ComposedModel first = TestModels.recognition(); ComposedModel second = TestModels.recognition()) {
            assertThat(second.sameDiff().getVariable("backbone/conv.weight").getArr())
                    .isEqualTo(first.sameDiff().getVariable("backbone/conv.weight").getArr());
        }
    }

    @Test
    void localizationHeadReadsFeaturesAndDecodesSegments() {
        try (ComposedModel model = ModelComposer.compose(model(TINY_LOC), TensorShape.of(1, 6, 10), 1)) {
            // Positive features at steps 2..4 make the actionness exceed 0.5 there only.
            INDArray features = Nd4j.valueArrayOf(new long[] {1, 6, 10}, -1f, DataType.FLOAT);
            features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(2, 5)).assign(1f);

            Map<String, INDArray> outputs = model.run(Map.of(ModelComposer.INPUT, features));
            List<TemporalSegment> segments = model.localizationHead().orElseThrow().decode(outputs, 20.0);

            assertThat(model.tasks()).containsExactly(ModelConfig.Task.LOCALIZATION);
            assertThat(outputs.get("actionness").shape()).containsExactly(1, 10);
            assertThat(segments).containsExactly(new TemporalSegment(4.0, 10.0, -1, 1));
        }
    }

    @Test
    void localizationHeadAfterABackboneReadsItsFeaturesAveragedOverSpace() {
        // tiny3d: a 1x3x3 convolution without padding to 4 channels: 2 x 3 x 4 x 8 x 8 -> 2 x 4 x 4 x 6 x 6.
        try (ComposedModel model = ModelComposer.compose(model(TINY3D, TINY_LOC), CLIP, 5)) {
            INDArray clip = randomClip();
            Map<String, INDArray> outputs = model.run(Map.of(ModelComposer.INPUT, clip));

            assertThat(model.tasks()).containsExactly(ModelConfig.Task.LOCALIZATION);
            assertThat(model.outputs().get("actionness").shape()).hasToString("?x4");
            assertThat(outputs.get("actionness").shape()).containsExactly(2, 4);
            // The same as the head on the backbone's features averaged over height and width by hand.
            INDArray features = model.sameDiff().getVariable("neck/spatial_mean").getArr();
            assertThat(features.shape()).containsExactly(2, 4, 4);
            INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(features.mean(1));
            assertThat(outputs.get("actionness")).isEqualTo(expected);
            assertThat(model.localizationHead()).isPresent();
        }
    }

    @Test
    void backboneWithTwoHeadsGivesBothOutputsFromOnePass() {
        try (ComposedModel model = ModelComposer.compose(model(TINY3D, TINY_CLS, TINY_ROI), CLIP, 3);
             ComposedModel recognition = ModelComposer.compose(model(TINY3D, TINY_CLS), CLIP, 3)) {
            INDArray clip = randomClip();
            INDArray rois = Nd4j.createFromArray(new float[][] {{0, 0, 0, 7, 7}, {1, 1, 1, 5, 5}});

            Map<String, INDArray> outputs = model.run(Map.of(ModelComposer.INPUT, clip, ModelComposer.ROIS, rois));

            assertThat(model.tasks()).containsExactly(ModelConfig.Task.RECOGNITION, ModelConfig.Task.DETECTION);
            assertThat(outputs).containsKeys(ModelComposer.CLS_SCORE, "scores");
            assertThat(outputs.get("scores").shape()).containsExactly(2, 2);
            assertThat(model.detectionHead()).isPresent();
            // Same seed, same backbone and classifier: the second head changes nothing about the first.
            assertThat(outputs.get(ModelComposer.CLS_SCORE))
                    .isEqualTo(recognition.run(Map.of(ModelComposer.INPUT, clip)).get(ModelComposer.CLS_SCORE));
        }
    }

    @Test
    void detectionHeadScoresEveryBox() {
        try (ComposedModel model = ModelComposer.compose(model(TINY3D, TINY_ROI), CLIP, 3)) {
            INDArray rois = Nd4j.createFromArray(new float[][] {
                    {0, 0, 0, 7, 7}, {1, 1, 1, 5, 5}, {1, 2, 2, 6, 6}});

            Map<String, INDArray> outputs = model.run(Map.of(
                    ModelComposer.INPUT, randomClip(), ModelComposer.ROIS, rois));
            List<NormalizedBox> boxes = List.of(new NormalizedBox(0, 0, 1, 1), new NormalizedBox(0, 0, .5f, .5f), new NormalizedBox(.2f, .2f, .8f, .8f));
            List<ActorDetection> detections = model.detectionHead().orElseThrow().decode(outputs, boxes, 902);

            assertThat(model.inputShapes()).containsKeys(ModelComposer.INPUT, ModelComposer.ROIS);
            assertThat(outputs.get("scores").shape()).containsExactly(3, 2);
            assertThat(detections).hasSize(6).allSatisfy(d -> assertThat(d.score()).isBetween(0f, 1f));
        }
    }

    @Test
    void kernelLargerThanTheInputNamesTheLayerAndTheAxis() {
        ModelConfig config = model(TINY3D + "    kernel: [5, 3, 3]\n", TINY_CLS);

        assertThatThrownBy(() -> ModelComposer.compose(config, TensorShape.of(1, 3, 2, 8, 8), 0))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/conv")
                .hasMessageContaining("time");
    }

    @Test
    void runWithoutARequiredInputNamesIt() {
        try (ComposedModel model = ModelComposer.compose(model(TINY3D, TINY_ROI), CLIP, 3)) {
            Map<String, INDArray> onlyClip = Map.of(ModelComposer.INPUT, randomClip());

            assertThatThrownBy(() -> model.run(onlyClip))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'rois'");
        }
    }
}
