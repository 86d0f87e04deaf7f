package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval recognition}: a predictions file scored against an annotation list with MMAction2's AccMetric. */
class EvalRecognitionEndToEndTest {

    @TempDir
    Path folder;

    private Path annotations;
    private Path predictions;

    /*
     * 4 classes, 4 videos (predictions = argmax, ties to the lowest index):
     *   a.mp4 [0.1, 0.7, 0.2, 0.0] label 1: predicted 1 (hit)
     *   b.mp4 [0.5, 0.5, 0.0, 0.0] label 1: tie, predicted 0; in the top 2
     *   c.mp4 [0.3, 0.3, 0.3, 0.1] label 2: tie, predicted 0; in the top 3
     *   d.mp4 [0.0, 0.1, 0.2, 0.9] label 0: predicted 3 (only predicted, never a label); in the top 4
     * top1 = 1/4, top5 = 4/4 (k above the class count), top2 = 2/4, top3 = 3/4
     * mean1 = (class 0: 0/1 + class 1: 1/2 + class 2: 0/1 + class 3: no labels, 0) / 4 = 0.125
     */
    @BeforeEach
    void writeFiles() throws Exception {
        annotations = Files.write(folder.resolve("val_list.txt"), List.of("a.mp4 1", "b.mp4 1", "c.mp4 2", "d.mp4 0"));
        predictions = Files.write(folder.resolve("pred.jsonl"), List.of(
                "{\"video\": \"d.mp4\", \"scores\": [0.0, 0.1, 0.2, 0.9]}",
                "{\"video\": \"a.mp4\", \"scores\": [0.1, 0.7, 0.2, 0.0], \"label\": 1}",
                "{\"video\": \"b.mp4\", \"scores\": [0.5, 0.5, 0.0, 0.0]}",
                "{\"video\": \"c.mp4\", \"scores\": [0.3, 0.3, 0.3, 0.1]}"));
    }

    @Test
    void printsMmaction2sAccuraciesAndWritesJsonAndTheConfusionMatrix() throws Exception {
        Path json = folder.resolve("metrics.json");
        Path csv = folder.resolve("confusion.csv");

        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", annotations.toString(), "--out", json.toString(), "--confusion", csv.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("videos: 4\n")
                .containsPattern("acc/top1 +0\\.2500\n").containsPattern("acc/top5 +1\\.0000\n")
                .containsPattern("acc/mean1 +0\\.1250\n")
                .contains("confusion matrix: 4 classes in labels or predictions (0 1 2 3)");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("videos").asInt()).isEqualTo(4);
        assertThat(written.get("metrics").get("acc/top1").asDouble()).isEqualTo(0.25);
        assertThat(written.get("metrics").get("acc/top5").asDouble()).isEqualTo(1.0);
        assertThat(written.get("metrics").get("acc/mean1").asDouble()).isEqualTo(0.125);
        assertThat(written.get("confusionMatrix").get("counts").toString())
                .isEqualTo("[[0,0,0,1],[1,1,0,0],[1,0,0,0],[0,0,0,0]]");
        assertThat(Files.readString(csv))
                .isEqualTo("true\\predicted,0,1,2,3\n0,0,0,0,1\n1,1,1,0,0\n2,1,0,0,0\n3,0,0,0,0\n");
    }

    @Test
    void topkOptionAndPathsWrittenWithTheDataPrefix() throws Exception {
        // The list's paths are relative to --data-prefix; these predictions name the full paths.
        Path videos = folder.resolve("videos");
        List<String> lines = Files.readAllLines(predictions).stream()
                .map(line -> line.replace("\"video\": \"", "\"video\": \"" + videos + "/")).toList();
        Path prefixed = Files.write(folder.resolve("prefixed.jsonl"), lines);

        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", prefixed.toString(),
                "--labels", annotations.toString(), "--data-prefix", videos.toString(), "--topk", "1,2,3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("acc/top1 +0\\.2500\n").containsPattern("acc/top2 +0\\.5000\n")
                .containsPattern("acc/top3 +0\\.7500\n").containsPattern("acc/mean1 +0\\.1250\n")
                .doesNotContain("acc/top5");
    }

    @Test
    void aVideoWithoutPredictionFailsNamingIt() throws Exception {
        Files.write(annotations, List.of("e.mp4 3", "x/f.mp4 2"), java.nio.file.StandardOpenOption.APPEND);

        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", annotations.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: 2 of 6 videos in " + annotations + " have no prediction in "
                + predictions + ": 'e.mp4', 'x/f.mp4'");
        assertThat(result.out()).doesNotContain("acc/top1");
    }

    @Test
    void aPredictionWithoutAnnotationFailsNamingIt() throws Exception {
        Files.write(predictions, List.of("{\"video\": \"zz.mp4\", \"scores\": [1, 0, 0, 0]}"),
                java.nio.file.StandardOpenOption.APPEND);

        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", annotations.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("1 of 5 predictions have no entry in " + annotations + ": 'zz.mp4'");
    }

    @Test
    void malformedPredictionsNameFileAndLine() throws Exception {
        Files.write(predictions, List.of("{\"video\": \"e.mp4\", \"scores\": [1, 0, 0]}"),
                java.nio.file.StandardOpenOption.APPEND);

        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", annotations.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: " + predictions + ":5: 'scores' has 3 values, line 1 has 4");
    }

    @Test
    void multiLabelListsUseMeanAveragePrecision() throws Exception {
        Path list = Files.write(folder.resolve("multi.txt"), List.of("v0.mp4 0 1", "v1.mp4 1", "v2.mp4 0"));
        Path pred = Files.write(folder.resolve("multi.jsonl"), List.of(
                "{\"video\": \"v0.mp4\", \"scores\": [0.9, 0.2]}",
                "{\"video\": \"v1.mp4\", \"scores\": [0.4, 0.8]}",
                "{\"video\": \"v2.mp4\", \"scores\": [0.1, 0.9]}"));
        Path json = folder.resolve("multi.json");

        Launcher.Result refused = Launcher.run("eval", "recognition", "--pred", pred.toString(),
                "--labels", list.toString(), "--multi-label");
        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", pred.toString(),
                "--labels", list.toString(), "--multi-label", "--metric-list", "mean_average_precision",
                "--out", json.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("video 'v0.mp4' has 2 labels [0, 1]");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // class 0: 0.9 T, 0.4 F, 0.1 T -> 5/6; class 1: 0.9 F, 0.8 T, 0.2 T -> 7/12; mean 17/24 = 0.7083
        assertThat(result.out()).containsPattern("acc/mean_average_precision +0\\.7083\n");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("metrics").get("acc/mean_average_precision").asDouble())
                .isCloseTo(17.0 / 24, within(1e-12));
    }

    @Test
    void badOptionsAreReportedLikeConfigKeys() {
        Launcher.Result result = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", annotations.toString(), "--topk", "1,0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("topk").contains("must hold positive integers");
    }

    @Test
    void evalHasHelp() {
        Launcher.Result result = Launcher.run("eval", "recognition", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: action4j eval recognition").contains("--pred").contains("--confusion");
    }
}
