package io.action4j.engine.checkpoint;

import static io.action4j.engine.checkpoint.Fixtures.expected;
import static io.action4j.engine.checkpoint.Fixtures.file;
import static io.action4j.engine.checkpoint.Fixtures.floats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.model.SameDiffGraphBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class CheckpointLoaderTest {

    private static final CheckpointLoader MMACTION2 = new CheckpointLoader(KeyMappings.MMACTION2);

    /**
     * torchvision's names for the fixture's tiny video ResNet, in PyTorch's layout: a mapping of this test's
     * own (the resnet3d backbone declares the real ones; KeyMappingsTest in the launcher checks those).
     */
    private static final CheckpointKeyMapping TORCHVISION_STYLE = new CheckpointKeyMapping("torchvision_style",
            CheckpointKeyMapping.Layout.TORCH, List.of(
                    CheckpointKeyMapping.Rule.of("^stem\\.0\\.(\\w+)$", "backbone/conv1.conv.$1"),
                    CheckpointKeyMapping.Rule.of("^stem\\.1\\.(\\w+)$", "backbone/conv1.bn.$1"),
                    CheckpointKeyMapping.Rule.of("^(layer1\\.0\\.\\w+)\\.0\\.(\\w+)$", "backbone/$1.conv.$2"),
                    CheckpointKeyMapping.Rule.of("^(layer1\\.0\\.\\w+)\\.1\\.(\\w+)$", "backbone/$1.bn.$2"),
                    CheckpointKeyMapping.Rule.of("^fc\\.(\\w+)$", "cls_head/fc_cls.$1")),
            List.of("stem.0.weight"));

    @Test
    void mmaction2WeightsGiveTorchsLogits() {
        StateDict checkpoint = TorchCheckpoints.read(file("mmaction2_style.pth"));
        JsonNode expected = expected("mmaction2_style");
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            LoadReport report = MMACTION2.loadStrict(model, checkpoint.tensors(), "mmaction2_style.pth");

            assertThat(report.complete()).isTrue();
            assertThat(report.loaded()).containsExactlyInAnyOrder("backbone/conv.weight", "backbone/bn.weight",
                    "backbone/bn.bias", "backbone/bn.running_mean", "backbone/bn.running_var", "cls_head/fc.weight",
                    "cls_head/fc.bias");
            INDArray logits = model.run(Map.of(ModelComposer.INPUT, Fixtures.clip())).get(ModelComposer.CLS_SCORE);
            assertThat(logits.dup().data().asFloat()).containsExactly(floats(expected.get("logits")), within(1e-5f));
        }
    }

    @Test
    void batchNormFoldedAfterLoadingStillGivesTorchsLogits() {
        StateDict checkpoint = TorchCheckpoints.read(file("mmaction2_style.pth"));
        JsonNode expected = expected("mmaction2_style");
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            MMACTION2.loadStrict(model, checkpoint.tensors(), "mmaction2_style.pth");
            try (ComposedModel folded = model.foldBatchNorm()) {
                assertThat(folded.foldedBatchNorms()).singleElement().satisfies(pair -> {
                    assertThat(pair.conv()).isEqualTo("backbone/conv");
                    assertThat(pair.norm()).isEqualTo("backbone/bn");
                });
                assertThat(folded.sameDiff().hasVariable("backbone/bn.running_mean")).isFalse();
                assertThat(folded.sameDiff().hasVariable("backbone/conv.bias")).isTrue();

                INDArray logits = folded.run(Map.of(ModelComposer.INPUT, Fixtures.clip())).get(ModelComposer.CLS_SCORE);

                assertThat(logits.dup().data().asFloat()).containsExactly(floats(expected.get("logits")), within(1e-5f));
                // Inference only: the folded graph has no batch-norm parameters to load into.
                assertThatThrownBy(() -> MMACTION2.loadStrict(folded, checkpoint.tensors(), "mmaction2_style.pth"))
                        .isInstanceOf(CheckpointMismatchException.class);
            }
        }
    }

    @Test
    void convAndLinearWeightsArriveInNd4jLayoutAndBuffersAsTheyAre() {
        StateDict checkpoint = TorchCheckpoints.read(file("mmaction2_style.pth"));
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            MMACTION2.loadStrict(model, checkpoint.tensors(), "mmaction2_style.pth");
            SameDiff graph = model.sameDiff();

            INDArray conv = graph.getVariable("backbone/conv.weight").getArr(); // [kT,kH,kW,in,out] = [1,3,3,3,4]
            TensorData torchConv = checkpoint.tensors().get("backbone.conv.weight"); // [out,in,kT,kH,kW] = [4,3,1,3,3]
            assertThat(conv.shape()).containsExactly(1, 3, 3, 3, 4);
            assertThat(conv.getFloat(0, 2, 1, 1, 3)).isEqualTo(torchConv.values()[((3 * 3 + 1) * 1 + 0) * 9 + 2 * 3 + 1]);
            INDArray fc = graph.getVariable("cls_head/fc.weight").getArr(); // [in, out] = [4, 3]
            TensorData torchFc = checkpoint.tensors().get("cls_head.fc.weight"); // [out, in] = [3, 4]
            assertThat(fc.getFloat(1, 2)).isEqualTo(torchFc.values()[2 * 4 + 1]);
            assertThat(graph.getVariable("backbone/bn.running_var").getArr().toFloatVector())
                    .containsExactly(floats(expected("mmaction2_style").get("running_var")));
        }
    }

    @Test
    void strictLoadListsEveryProblemAndLoadsNothing() {
        StateDict broken = TorchCheckpoints.read(file("mmaction2_broken.pth"));
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            INDArray before = model.sameDiff().getVariable("backbone/conv.weight").getArr().dup();

            assertThatThrownBy(() -> MMACTION2.loadStrict(model, broken.tensors(), "mmaction2_broken.pth"))
                    .isInstanceOfSatisfying(CheckpointMismatchException.class, e -> {
                        LoadReport report = e.report();
                        assertThat(report.missing()).containsExactly("cls_head/fc.bias", "cls_head/fc.weight");
                        assertThat(report.unexpected()).containsExactly("backbone.extra.weight -> backbone/extra.weight");
                        assertThat(report.mismatched()).singleElement().satisfies(mismatch -> {
                            assertThat(mismatch.key()).isEqualTo("backbone.bn.weight");
                            assertThat(mismatch.checkpointShape()).containsExactly(5);
                            assertThat(mismatch.graphShape()).containsExactly(4);
                        });
                    })
                    .hasMessageContaining("mmaction2_broken.pth")
                    .hasMessageContaining("missing in checkpoint: cls_head/fc.bias")
                    .hasMessageContaining("missing in checkpoint: cls_head/fc.weight")
                    .hasMessageContaining("unexpected in checkpoint: backbone.extra.weight -> backbone/extra.weight")
                    .hasMessageContaining("shape mismatch: backbone.bn.weight -> backbone/bn.weight: checkpoint [5]"
                            + " (graph layout [5]), graph [4] (checkpoint layout [4])");
            assertThat(model.sameDiff().getVariable("backbone/conv.weight").getArr()).isEqualTo(before);
        }
    }

    @Test
    void shapeMismatchesShowBothLayouts() {
        TensorData wideConv = new TensorData("backbone.conv.weight", new long[] {8, 3, 1, 3, 3}, new float[8 * 27]);
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            LoadReport report = MMACTION2.loadMatching(model, Map.of(wideConv.name(), wideConv), "wide.pth");

            assertThat(report.mismatched()).singleElement().hasToString("backbone.conv.weight -> backbone/conv.weight:"
                    + " checkpoint [8, 3, 1, 3, 3] (graph layout [1, 3, 3, 3, 8]), graph [1, 3, 3, 3, 4]"
                    + " (checkpoint layout [4, 3, 1, 3, 3])");
        }
    }

    @Test
    void nonStrictLoadTakesWhatFitsAndReportsTheRest() {
        StateDict broken = TorchCheckpoints.read(file("mmaction2_broken.pth"));
        StateDict good = TorchCheckpoints.read(file("mmaction2_style.pth"));
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            LoadReport report = MMACTION2.loadMatching(model, broken.tensors(), "mmaction2_broken.pth");

            assertThat(report.complete()).isFalse();
            assertThat(report.loaded()).containsExactlyInAnyOrder("backbone/conv.weight", "backbone/bn.bias",
                    "backbone/bn.running_mean", "backbone/bn.running_var");
            assertThat(report.missing()).containsExactly("cls_head/fc.bias", "cls_head/fc.weight");
            assertThat(report.unexpected()).hasSize(1);
            assertThat(report.mismatched()).hasSize(1);
            assertThat(model.sameDiff().getVariable("backbone/bn.running_var").getArr().toFloatVector())
                    .containsExactly(good.tensors().get("backbone.bn.running_var").values());
        }
    }

    @Test
    void numBatchesTrackedIsIgnoredAndTwoKeysForOneVariableAreDuplicates() {
        TensorData bias = new TensorData("cls_head.fc.bias", new long[] {3}, new float[3]);
        Map<String, TensorData> tensors = Map.of(
                "backbone.bn.num_batches_tracked", new TensorData("backbone.bn.num_batches_tracked", new long[0], new float[1]),
                "cls_head.fc.bias", bias,
                "module.cls_head.fc.bias", bias.rename("module.cls_head.fc.bias"));
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            LoadReport report = MMACTION2.loadMatching(model, tensors, "dup.pth");

            assertThat(report.ignored()).containsExactly("backbone.bn.num_batches_tracked");
            assertThat(report.duplicates()).containsExactly("cls_head/fc.bias <- [cls_head.fc.bias, module.cls_head.fc.bias]");
            assertThat(report.loaded()).isEmpty();
        }
    }

    @Test
    void torchvisionNamesLoadIntoAVideoResnetGraph() {
        StateDict checkpoint = TorchCheckpoints.read(file("torchvision_style.pth"));
        SameDiff graph = SameDiff.create();
        String logits = buildTinyVideoResnet(graph);

        LoadReport report = new CheckpointLoader(TORCHVISION_STYLE)
                .loadStrict(graph, checkpoint.tensors(), "torchvision_style.pth");

        assertThat(report.missing()).isEmpty();
        assertThat(report.loaded()).hasSize(checkpoint.tensors().size());
        INDArray output = graph.output(Map.of(ModelComposer.INPUT, Fixtures.clip()), logits).get(logits);
        assertThat(output.dup().data().asFloat())
                .containsExactly(floats(expected("torchvision_style").get("logits")), within(1e-5f));
    }

    /** The script's TinyVideoResNet with the graph's names: stem, one BasicBlock with downsample, fc. */
    private static String buildTinyVideoResnet(SameDiff graph) {
        SameDiffGraphBuilder builder = new SameDiffGraphBuilder(graph, 1);
        TensorShape shape = Fixtures.CLIP.with(0, TensorShape.UNKNOWN);
        Feature input = new Feature(graph.placeHolder(ModelComposer.INPUT, DataType.FLOAT, shape.dims()), shape);
        int[] one = {1, 1, 1};
        int[] spatialStride = {1, 2, 2};
        Feature features;
        try (NameScope ignored = builder.scope("backbone")) {
            Feature stem = builder.relu("conv1.relu", builder.batchNorm("conv1.bn",
                    builder.conv3d("conv1.conv", input, 4, new int[] {1, 3, 3}, one, new int[] {0, 1, 1}, false), 1e-5));
            Feature a = builder.relu("layer1.0.conv1.relu", builder.batchNorm("layer1.0.conv1.bn",
                    builder.conv3d("layer1.0.conv1.conv", stem, 6, new int[] {3, 3, 3}, spatialStride, one, false), 1e-5));
            Feature b = builder.batchNorm("layer1.0.conv2.bn",
                    builder.conv3d("layer1.0.conv2.conv", a, 6, new int[] {3, 3, 3}, one, one, false), 1e-5);
            Feature shortcut = builder.batchNorm("layer1.0.downsample.bn",
                    builder.conv3d("layer1.0.downsample.conv", stem, 6, one, spatialStride, new int[3], false), 1e-5);
            features = builder.relu("layer1.0.relu", builder.add("layer1.0.add", b, shortcut));
        }
        try (NameScope ignored = builder.scope("cls_head")) {
            return builder.linear("fc_cls", builder.globalAveragePool("pool", features), 3, 0.01).variable().name();
        }
    }
}
