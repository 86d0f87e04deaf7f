package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} with a BMN config on MMAction2's own ActivityNet test data (its annotation JSON and
 * two 400-column feature CSVs of 5 rows, rescaled to the model's 16 steps): the engine's trainer runs
 * localization's task, logs the loss and writes checkpoints that {@code model run} loads.
 */
class TrainBmnEndToEndTest {

    @TempDir
    Path folder;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        Path data = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data");
        assumeTrue(Files.isDirectory(data.resolve("activitynet_features")), "missing ../shared fixtures; skipping");
        config = Files.writeString(folder.resolve("bmn.yaml"), """
                model:
                  locHead:
                    type: bmn
                    featDim: 400
                    temporalDim: 16
                    numSamples: 4
                    hiddenDim1d: 16
                    hiddenDim2d: 8
                    hiddenDim3d: 16
                trainDataloader:
                  batchSize: 2
                  dataset:
                    format: activitynet
                    annFile: %1$s
                    dataPrefix: %2$s
                valDataloader:
                  batchSize: 1
                  dataset:
                    format: activitynet
                    annFile: %1$s
                    dataPrefix: %2$s
                testDataloader:
                  batchSize: 1
                  dataset:
                    format: activitynet
                    annFile: %1$s
                    dataPrefix: %2$s
                optimWrapper:
                  optimizer:
                    type: Adam
                    lr: 0.001
                    weightDecay: 0.0001
                trainCfg:
                  maxEpochs: 3
                  logInterval: 1
                  valInterval: 3
                """.formatted(data.resolve("annotations/action_test_anno.json"), data.resolve("activitynet_features")));
    }

    @Test
    void trainsBmnOnFeaturesAndWritesLoadableCheckpoints() throws Exception {
        Path workDir = folder.resolve("work");

        Launcher.Result result = Launcher.run("train", config.toString(), "--work-dir", workDir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("epoch 1 [1/1]").doesNotContain("top1").contains("done: 3 epochs");
        List<JsonNode> log = Files.readAllLines(workDir.resolve("log.jsonl")).stream().map(TrainBmnEndToEndTest::json)
                .filter(entry -> entry.get("mode").asText().equals("train")).toList();
        assertThat(log).hasSize(3);
        assertThat(log).allSatisfy(entry -> assertThat(entry.get("loss").asDouble()).isPositive().isFinite());
        assertThat(log.get(2).get("loss").asDouble()).isLessThan(log.get(0).get("loss").asDouble());
        assertThat(workDir.resolve("epoch_3.safetensors")).exists();
        List<JsonNode> validation = Files.readAllLines(workDir.resolve("log.jsonl")).stream()
                .map(TrainBmnEndToEndTest::json).filter(entry -> entry.get("mode").asText().equals("val")).toList();
        assertThat(validation).hasSize(1);
        assertThat(validation.get(0).get("auc").asDouble()).isBetween(0.0, 100.0);
        assertThat(validation.get(0).get("AR@100").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.out()).containsPattern("val epoch 3 auc \\d+\\.\\d{4}");

        Path dump = folder.resolve("proposals.json");
        Launcher.Result tested = Launcher.run("test", config.toString(), "--checkpoint",
                workDir.resolve("epoch_3.safetensors").toString(), "--dump", dump.toString());
        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.out()).contains("videos: 2").containsPattern("auc +\\d+\\.\\d{4}")
                .containsPattern("AR@100 +\\d\\.\\d{4}");
        // The same proposals score the same through eval proposals.
        Launcher.Result evaluated = Launcher.run("eval", "proposals", "--gt", Launcher.repository().resolveSibling("shared")
                .resolve("fixtures/mmaction2/tests/data/annotations/action_test_anno.json").toString(), "--pred",
                dump.toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out().lines().filter(line -> line.startsWith("auc"))).containsExactlyElementsOf(
                tested.out().lines().filter(line -> line.startsWith("auc")).toList());

        Path features = folder.resolve("x.npy");
        io.action4j.engine.data.NpyFiles.writeFloat32(features, new float[400 * 16], 1, 400, 16);
        Launcher.Result run = Launcher.run("model", "run", config.toString(), "--checkpoint",
                workDir.resolve("epoch_3.safetensors").toString(), "--input", features.toString(), "--output",
                folder.resolve("y.npy").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("missing 0, unexpected 0");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
