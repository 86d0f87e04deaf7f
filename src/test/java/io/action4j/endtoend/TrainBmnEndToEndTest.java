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

    @Test
    void aMalformedOrTooLargeFeatureFileStopsTheRunInOneLineNamingIt() throws Exception {
        Path original = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data");
        Path features = Files.createDirectories(folder.resolve("features"));
        for (String video : List.of("v_test1", "v_test2")) {
            Files.copy(original.resolve("activitynet_features/" + video + ".csv"), features.resolve(video + ".csv"));
        }
        String[] train = {"train", config.toString(), "--work-dir", folder.resolve("work").toString(), "--quiet",
                "--set", "trainDataloader.dataset.dataPrefix=" + features, "--set", "valDataloader=null"};
        Path broken = features.resolve("v_test2.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(broken));
        lines.set(3, lines.get(3).replaceFirst("^[^,]*,[^,]*,", "0.5,NaN,"));
        Files.write(broken, lines);

        Launcher.Result malformed = Launcher.run(train);

        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err().lines().filter(line -> !line.contains(" WARN "))).containsExactly(
                "error: " + broken + ", line 4: column f1: NaN is not finite");

        // Whole again, but each file holds 5 rows of 400 floats (8 KB): more than a 4 KB budget.
        Files.copy(original.resolve("activitynet_features/v_test2.csv"), broken,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String limit = System.getProperty(io.action4j.engine.model.TensorBudget.PROPERTY);
        System.setProperty(io.action4j.engine.model.TensorBudget.PROPERTY, "4000");
        Launcher.Result tooLarge;
        try {
            tooLarge = Launcher.run(train);
        } finally {
            if (limit == null) {
                System.clearProperty(io.action4j.engine.model.TensorBudget.PROPERTY);
            } else {
                System.setProperty(io.action4j.engine.model.TensorBudget.PROPERTY, limit);
            }
        }

        assertThat(tooLarge.exitCode()).isEqualTo(1);
        assertThat(tooLarge.err().lines().filter(line -> !line.contains(" WARN "))).singleElement().satisfies(line ->
                assertThat(line).matches("error: " + java.util.regex.Pattern.quote(features.toString())
                        + "/v_test[12]\\.csv, line 4: 3 rows of 400 values: a 3x400 tensor is 1200 values \\(4\\.8 KB\\), "
                        + "more than the limit action4j\\.maxTensorBytes/ACTION4J_MAX_TENSOR_BYTES \\(4\\.0 KB\\); "
                        + "a video's features are read whole: resample them to fewer rows"));
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
