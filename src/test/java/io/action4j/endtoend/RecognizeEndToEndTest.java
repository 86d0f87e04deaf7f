package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recognize}: pipeline, model and view averaging on a real video (seeded weights: the labels mean nothing). */
class RecognizeEndToEndTest {

    @TempDir
    Path folder;

    static Path kineticsLabels() {
        return PipelineShowEndToEndTest.demoVideo().getParent().getParent()
                .resolve("tools/data/kinetics/label_map_k400.txt");
    }

    @Test
    void printsTopKLabelsWithProbabilities() throws Exception {
        Path json = folder.resolve("results.json");

        Launcher.Result result = Launcher.run("recognize", PipelineShowEndToEndTest.demoVideo().toString(),
                "--labels", kineticsLabels().toString(), "--top-k", "3", "--out", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("demo\\.mp4:\\n  1\\. .+ 0\\.\\d{4}  \\(class \\d+\\)");
        JsonNode top = new ObjectMapper().readTree(json.toFile()).get(0).get("topK");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(top.get(1).get("score").asDouble())
                .isBetween(0.0, 1.0);
        assertThat(Files.readAllLines(kineticsLabels())).contains(top.get(0).get("label").asText());
        // No --checkpoint: the untrained scores come with a warning.
        assertThat(result.err()).contains("no --checkpoint: the model keeps its seeded initial weights");
    }

    @Test
    void quietStillSaysThatTheScoresComeFromUntrainedWeights() {
        Launcher.Result result = Launcher.run("recognize", "--quiet", "--top-k", "1",
                PipelineShowEndToEndTest.demoVideo().toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().strip()).isEqualTo("action4j: no --checkpoint: the model keeps its seeded initial "
                + "weights, so these scores mean nothing");
    }

    @Test
    void viewsScoredInChunksGiveTheSameResultAsInOnePass() throws Exception {
        String[] multiView = {"--set", "data.sampler.numClips=3", "--set",
                "data.pipeline=[{type: resize, scale: [-1, 112]}, {type: three_crop, cropSize: [112, 112]}, "
                        + "{type: normalize, mean: [110.2, 100.6, 96.0], std: [58.1, 56.5, 55.3]}]"};
        Path chunked = folder.resolve("chunked.json");
        Path whole = folder.resolve("whole.json");

        Launcher.Result first = Launcher.run(concat(multiView, "recognize", PipelineShowEndToEndTest.demoVideo().toString(),
                "--max-views-per-pass", "4", "--top-k", "400", "--out", chunked.toString()));
        Launcher.Result second = Launcher.run(concat(multiView, "recognize", PipelineShowEndToEndTest.demoVideo().toString(),
                "--max-views-per-pass", "9", "--top-k", "400", "--out", whole.toString()));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(chunked.toFile()).get(0).get("topK");
        JsonNode b = new ObjectMapper().readTree(whole.toFile()).get(0).get("topK");
        double sum = 0;
        for (int i = 0; i < 400; i++) {
            assertThat(a.get(i).get("classIndex").asInt()).isEqualTo(b.get(i).get("classIndex").asInt());
            assertThat(a.get(i).get("score").asDouble()).isCloseTo(b.get(i).get("score").asDouble(), within(1e-6));
            sum += a.get(i).get("score").asDouble();
        }
        assertThat(sum).as("probabilities of 9 views averaged").isCloseTo(1.0, within(1e-4));
    }

    @Test
    void annotatedCopyHasEveryFrameOfTheVideo() throws Exception {
        Path video = PipelineShowEndToEndTest.demoVideo();
        Path json = folder.resolve("annotated.json");

        Launcher.Result result = Launcher.run("recognize", video.toString(), "--annotate", folder.resolve("out").toString(),
                "--labels", kineticsLabels().toString(), "--out", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path annotated = folder.resolve("out/demo.annotated.mp4");
        assertThat(new ObjectMapper().readTree(json.toFile()).get(0).get("annotated").asText()).isEqualTo(annotated.toString());
        Launcher.Result original = Launcher.run("video", "check", video.toString(), "--format", "json");
        Launcher.Result copy = Launcher.run("video", "check", annotated.toString(), "--format", "json");
        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        JsonNode before = new ObjectMapper().readTree(original.out());
        JsonNode after = new ObjectMapper().readTree(copy.out());
        before = before.isArray() ? before.get(0) : before;
        after = after.isArray() ? after.get(0) : after;
        assertThat(after.get("decodedFrames").asInt()).isEqualTo(before.get("decodedFrames").asInt());
        assertThat(after.get("width").asInt()).isEqualTo(before.get("width").asInt());
        assertThat(Files.list(folder.resolve("out")).map(Path::getFileName).map(Path::toString))
                .containsExactly("demo.annotated.mp4");
    }

    @Test
    void labelFileOfAnotherSizeStopsBeforeAnyVideoIsRead() {
        Launcher.Result result = Launcher.run("recognize", folder.resolve("not-read.mp4").toString(),
                "--labels", kineticsLabels().toString(), "--set", "model.clsHead.numClasses=101");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(kineticsLabels() + " has 400 labels, but the model scores 101 classes");
    }

    @Test
    void unreadableVideoIsSkippedWhenAsked() throws Exception {
        Path missing = folder.resolve("missing.mp4");
        Path json = folder.resolve("results.json");

        Launcher.Result result = Launcher.run("recognize", "--on-error", "skip", missing.toString(),
                PipelineShowEndToEndTest.demoVideo().toString(), "--out", json.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("skipped: " + missing + ": file not found");
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results.get(0).get("error").asText()).contains("file not found");
        assertThat(results.get(1).get("topK")).hasSize(5);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(rest, 0, all, 0, 1);
        System.arraycopy(first, 0, all, 1, first.length);
        System.arraycopy(rest, 1, all, 1 + first.length, rest.length - 1);
        return all;
    }
}
