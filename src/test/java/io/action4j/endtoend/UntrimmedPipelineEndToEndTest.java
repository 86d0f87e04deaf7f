package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The localization workflow on generated data, each step a command: {@code synth --untrimmed} writes
 * videos and ActivityNet-style ground truth, {@code features} extracts snippet features with the
 * built-in model's backbone, {@code train} fits a small BMN on them, {@code localize} finds segments in
 * a test video with both checkpoints, and {@code eval proposals} scores them against the ground truth.
 * Sizes are tiny: this checks that the steps fit together, not how well the model does (the README's
 * figures come from the full-size commands).
 */
class UntrimmedPipelineEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void synthFeaturesTrainLocalizeAndEvaluate() throws Exception {
        Path data = folder.resolve("untrimmed");
        Launcher.Result synth = Launcher.run("synth", "--untrimmed", "--out", data.toString(), "--size", "32x32",
                "--difficulty", "0.1", "--videos", "4,0,1", "--duration", "8", "--threads", "2");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        JsonNode truth = new ObjectMapper().readTree(data.resolve("train.json").toFile());
        assertThat(truth.get("v_train_0000").get("duration_second").asDouble()).isEqualTo(8.0);
        assertThat(truth.get("v_train_0000").get("annotations").size()).isPositive();

        Path config = Files.writeString(folder.resolve("bmn.yaml"), """
                _base_:
                  - %1$s
                model:
                  locHead:
                    temporalDim: 16
                    numSamples: 4
                    hiddenDim1d: 16
                    hiddenDim2d: 8
                    hiddenDim3d: 16
                    postProcessTopK: 10
                trainDataloader:
                  batchSize: 2
                  dataset:
                    annFile: %2$s
                    dataPrefix: %3$s
                valDataloader:
                  dataset:
                    annFile: %2$s
                    dataPrefix: %3$s
                trainCfg:
                  maxEpochs: 2
                  checkpointInterval: 2
                  logInterval: 1
                """.formatted(Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml"),
                data.resolve("train.json"), data.resolve("features")));
        Path backbone = Launcher.repository().resolve("launcher/src/main/resources/io/action4j/launcher/demo/"
                + "r3d-small_synth.safetensors");
        List<String> features = new ArrayList<>(List.of("features", "--config", config.toString(), "--checkpoint",
                backbone.toString(), "--out", data.resolve("features").toString()));
        try (Stream<Path> videos = Files.list(data.resolve("videos"))) {
            videos.filter(video -> video.getFileName().toString().startsWith("v_train")).sorted()
                    .forEach(video -> features.add(video.toString()));
        }
        Launcher.Result extracted = Launcher.run(features.toArray(String[]::new));
        assertThat(extracted.exitCode()).as(extracted.err()).isZero();
        assertThat(data.resolve("features/v_train_0000.csv")).exists();

        Path work = folder.resolve("work");
        Launcher.Result trained = Launcher.run("train", config.toString(), "--work-dir", work.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        Path results = folder.resolve("results.json");
        Launcher.Result localized = Launcher.run("localize", "--config", config.toString(), "--backbone-checkpoint",
                backbone.toString(), "--head-checkpoint", work.resolve("epoch_2.safetensors").toString(), "--out",
                results.toString(), data.resolve("videos/v_test_0000.mp4").toString());
        assertThat(localized.exitCode()).as(localized.err()).isZero();
        assertThat(new ObjectMapper().readTree(results.toFile()).get("results").get("test_0000").size()).isPositive();

        Launcher.Result scored = Launcher.run("eval", "proposals", "--gt", data.resolve("test.json").toString(),
                "--pred", results.toString());
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.out()).contains("videos: 1,").containsPattern("auc +\\d+\\.\\d{4}");

        // Labelled by the built-in recognizer, per proposal and with ActivityNet's video-level recipe.
        Path names = Files.writeString(folder.resolve("recognizer_classes.txt"),
                "move_left\nmove_right\nmove_up\nmove_down\nrotate_cw\nrotate_ccw\ngrow\nshrink\nstill\n");
        for (String mode : List.of("proposal", "video")) {
            Path detections = folder.resolve("detections_" + mode + ".json");
            Launcher.Result labelled = Launcher.run("localize", "--config", config.toString(), "--backbone-checkpoint",
                    backbone.toString(), "--head-checkpoint", work.resolve("epoch_2.safetensors").toString(),
                    "--classifier-config", Launcher.repository().resolve("configs/recognition/synth/r3d-small_synth.yaml")
                            .toString(), "--classifier-checkpoint", backbone.toString(), "--classifier-classes",
                    names.toString(), "--classes", data.resolve("classes.txt").toString(), "--classify", mode,
                    "--out", detections.toString(), data.resolve("videos/v_test_0000.mp4").toString());
            assertThat(labelled.exitCode()).as(labelled.err()).isZero();
            JsonNode first = new ObjectMapper().readTree(detections.toFile()).get("results").get("test_0000").get(0);
            assertThat(first.get("label").asText()).isIn(Files.readAllLines(data.resolve("classes.txt")));
            assertThat(first.get("score").asDouble()).isPositive();
        }
    }

    @Test
    void trainAndTestExtractTheFeaturesTheirDatasetsLackFromTheRawVideosAndKeepThem() throws Exception {
        Path data = folder.resolve("raw");
        Launcher.Result synth = Launcher.run("synth", "--untrimmed", "--out", data.toString(), "--size", "32x32",
                "--difficulty", "0.1", "--videos", "2,0,1", "--duration", "6", "--threads", "2");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Path backbone = Launcher.repository().resolve("launcher/src/main/resources/io/action4j/launcher/demo/"
                + "r3d-small_synth.safetensors");
        Path features = data.resolve("features");
        Path config = Files.writeString(folder.resolve("bmn-raw.yaml"), """
                _base_:
                  - %1$s
                model:
                  locHead: {temporalDim: 16, numSamples: 4, hiddenDim1d: 16, hiddenDim2d: 8, hiddenDim3d: 16,
                            postProcessTopK: 10}
                trainDataloader:
                  batchSize: 2
                  dataset: {annFile: %2$s/train.json, dataPrefix: %3$s, videoPrefix: %2$s/videos, featureCheckpoint: %4$s}
                valDataloader: null
                testDataloader:
                  dataset: {annFile: %2$s/test.json, dataPrefix: %3$s, videoPrefix: %2$s/videos, featureCheckpoint: %4$s}
                trainCfg: {maxEpochs: 1, checkpointInterval: 1, logInterval: 1}
                paramScheduler: []
                """.formatted(Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml"),
                data, features, backbone));

        Path work = folder.resolve("work");
        Launcher.Result trained = Launcher.run("train", config.toString(), "--work-dir", work.toString());

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("features of " + data.resolve("videos/v_train_0000.mp4") + ": ")
                .contains("features of " + data.resolve("videos/v_train_0001.mp4") + ": ")
                .doesNotContain("v_test_0000.mp4");
        // The same features the features command extracts from that video with that backbone.
        Path alone = folder.resolve("alone");
        Launcher.Result extracted = Launcher.run("features", "--config", config.toString(), "--checkpoint",
                backbone.toString(), "--out", alone.toString(), data.resolve("videos/v_train_0000.mp4").toString());
        assertThat(extracted.exitCode()).as(extracted.err()).isZero();
        assertThat(Files.readString(features.resolve("v_train_0000.csv")))
                .isEqualTo(Files.readString(alone.resolve("v_train_0000.csv")));

        String[] test = {"test", config.toString(), "--checkpoint", work.resolve("epoch_1.safetensors").toString()};
        Launcher.Result first = Launcher.run(test);
        Launcher.Result again = Launcher.run(test);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("features of " + data.resolve("videos/v_test_0000.mp4") + ": ")
                .contains("videos: 1");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("features of").contains("videos: 1");
        assertThat(features.resolve("v_test_0000.csv")).exists();
    }
}
