package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recognize --window/--stride}: JSON lines per window over a real video (seeded weights: labels mean nothing). */
class RecognizeWindowsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void writesOneJsonLinePerWindowWithTheDocumentedFrameRanges() throws Exception {
        Path lines = folder.resolve("windows.jsonl");

        Launcher.Result result = recognize("--window", "2s", "--stride", "1s", "--top-k", "3",
                "--labels", RecognizeEndToEndTest.kineticsLabels().toString(), "--out", lines.toString(), demo());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        List<JsonNode> windows = parse(Files.readString(lines));
        // demo.mp4: 280 frames at 28 fps; 56-frame windows every 28 frames end exactly at frame 280.
        assertThat(windows).extracting(w -> w.get("startFrame").asInt())
                .containsExactly(0, 28, 56, 84, 112, 140, 168, 196, 224);
        assertThat(windows).extracting(w -> w.get("endFrame").asInt() - w.get("startFrame").asInt()).containsOnly(56);
        assertThat(windows).extracting(w -> w.get("window").asInt()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        JsonNode last = windows.get(8);
        assertThat(last.get("video").asText()).isEqualTo(demo());
        assertThat(last.get("startSeconds").asDouble()).isEqualTo(8.0);
        assertThat(last.get("endSeconds").asDouble()).isEqualTo(10.0);
        List<String> labels = Files.readAllLines(RecognizeEndToEndTest.kineticsLabels());
        for (JsonNode window : windows) {
            JsonNode top = window.get("topK");
            assertThat(top).hasSize(3);
            assertThat(top.get(0).get("score").asDouble()).isBetween(0.0, 1.0)
                    .isGreaterThanOrEqualTo(top.get(1).get("score").asDouble());
            assertThat(labels).contains(top.get(0).get("label").asText());
            assertThat(labels.get(top.get(0).get("classIndex").asInt())).isEqualTo(top.get(0).get("label").asText());
        }
        assertThat(result.err()).contains(demo() + ": 9 windows (56 frames every 28: window 2s, stride 1s at 28.0 fps), "
                + "280 frames decoded, at most ");
    }

    @Test
    void withoutOutTheLinesGoToStdoutAndATailWindowEndsAtTheLastFrame() throws Exception {
        Launcher.Result result = recognize("--window", "100", "--stride", "100", "--top-k", "400", demo());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> windows = parse(result.out());
        assertThat(windows).extracting(w -> w.get("startFrame").asInt() + "-" + w.get("endFrame").asInt())
                .containsExactly("0-100", "100-200", "180-280");
        double sum = 0;
        for (JsonNode score : windows.get(2).get("topK")) {
            sum += score.get("score").asDouble();
        }
        assertThat(sum).as("probabilities of one window's views averaged").isCloseTo(1.0, within(1e-4));
    }

    @Test
    void aVideoShorterThanTheWindowIsOneWindow() throws Exception {
        Path shortVideo = Path.of(demo()).resolveSibling("../tests/data/rawvideo_dataset/part_0.mp4").normalize();

        Launcher.Result result = recognize("--window", "64", shortVideo.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> windows = parse(result.out());
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).get("startFrame").asInt()).isZero();
        assertThat(windows.get(0).get("endFrame").asInt()).isEqualTo(32);
        assertThat(windows.get(0).get("endSeconds").asDouble()).isCloseTo(32 / 30.0, within(1e-9));
    }

    @Test
    void quietPrintsNothingButResultsAndProgressDrawsABarOnRequest() throws Exception {
        Path quietLines = folder.resolve("quiet.jsonl");
        Path shownLines = folder.resolve("shown.jsonl");

        Launcher.Result quiet = recognize("--quiet", "--window", "5s", "--out", quietLines.toString(), demo());
        Launcher.Result shown = recognize("--progress", "--window", "5s", "--out", shownLines.toString(), demo());

        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).isEmpty();
        // Only what the results are worth: these seeded weights are no trained model.
        assertThat(quiet.err().strip()).isEqualTo("action4j: no --checkpoint: the model keeps its seeded initial weights, "
                + "so these scores mean nothing");
        assertThat(parse(Files.readString(quietLines))).hasSize(2);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.err()).contains("\rdemo.mp4").contains("280/280 frames").contains("100%");
        assertThat(Files.readString(shownLines)).isEqualTo(Files.readString(quietLines));
    }

    @Test
    void noProgressWhenStderrIsNotATerminalUnlessAsked() {
        Launcher.Result result = recognize("--window", "140", demo(), demo());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("\r").doesNotContain("%");
        assertThat(parse(result.out())).hasSize(4);
    }

    @Test
    void quietAndProgressExcludeEachOtherAndAStrideNeedsAWindow() {
        Launcher.Result both = recognize("--quiet", "--progress", "--window", "2s", demo());
        Launcher.Result strideAlone = recognize("--stride", "2s", demo());
        Launcher.Result badWindow = recognize("--window", "1.5", demo());

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--quiet and --progress exclude each other");
        assertThat(strideAlone.exitCode()).isEqualTo(2);
        assertThat(strideAlone.err()).contains("--stride needs --window");
        assertThat(badWindow.exitCode()).isEqualTo(2);
        assertThat(badWindow.err()).contains("--window '1.5': frames are whole; for seconds add s (e.g. 1.5s)");
    }

    @Test
    void anUnreadableVideoBecomesAnErrorLineWhenSkipped() throws Exception {
        Path missing = folder.resolve("missing.mp4");

        Launcher.Result result = recognize("--on-error", "skip", "--window", "140", missing.toString(), demo());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("skipped: " + missing + ": file not found");
        List<JsonNode> lines = parse(result.out());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("video").asText()).isEqualTo(missing.toString());
        assertThat(lines.get(0).get("error").asText()).contains("file not found");
        assertThat(lines.get(2).get("endFrame").asInt()).isEqualTo(280);
    }

    @Test
    void aFailedRunLeavesTheEarlierLinesAndAppendAddsToThem() throws Exception {
        Path lines = folder.resolve("windows.jsonl");
        Launcher.Result good = recognize("--window", "140", "--out", lines.toString(), demo());
        assertThat(good.exitCode()).as(good.err()).isZero();
        String earlier = Files.readString(lines);
        assertThat(parse(earlier)).hasSize(2);

        Path broken = Files.write(folder.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Launcher.Result failed = recognize("--window", "140", "--out", lines.toString(), demo(), broken.toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains(broken.toString());
        assertThat(lines).hasContent(earlier.strip());
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactlyInAnyOrder(lines, broken);
        }

        Launcher.Result appended = recognize("--window", "140", "--append", "--out", lines.toString(), demo());
        assertThat(appended.exitCode()).as(appended.err()).isZero();
        List<JsonNode> all = parse(Files.readString(lines));
        assertThat(all).hasSize(4);
        assertThat(Files.readString(lines)).startsWith(earlier);
    }

    @Test
    void anOutThatCannotBeWrittenIsRefusedBeforeAnyVideoIsRead() {
        Path nowhere = folder.resolve("no-such-folder/windows.jsonl");

        Launcher.Result result = recognize("--window", "140", "--out", nowhere.toString(), "never-read.mp4");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualToIgnoringNewLines("error: " + nowhere + ": the folder " + nowhere.getParent()
                + " does not exist; create it first");
        Launcher.Result appendAlone = recognize("--append", demo());
        assertThat(appendAlone.exitCode()).isEqualTo(2);
        assertThat(appendAlone.err()).contains("--append needs --window and --out");
    }

    @Test
    void windowsWhoseFramesCannotBeHeldAreRefusedBeforeDecoding() {
        String limit = System.getProperty("action4j.maxTensorBytes");
        System.setProperty("action4j.maxTensorBytes", "10000000");
        try {
            Launcher.Result tooMany = recognize("--window", "280", "--stride", "1", demo());
            assertThat(tooMany.exitCode()).isEqualTo(1);
            assertThat(tooMany.err()).contains("error: " + demo() + ": windows of 280 frames every 1 hold up to 280 "
                    + "decoded frames of 340x256 at once: a 280x256x340x3 tensor is 73113600 values (73.1 MB), more than "
                    + "the limit action4j.maxTensorBytes/ACTION4J_MAX_TENSOR_BYTES (10.0 MB); use a larger stride or a "
                    + "shorter window");

            Launcher.Result fits = recognize("--window", "140", demo());
            assertThat(fits.exitCode()).as(fits.err()).isZero();
        } finally {
            if (limit == null) {
                System.clearProperty("action4j.maxTensorBytes");
            } else {
                System.setProperty("action4j.maxTensorBytes", limit);
            }
        }
    }

    @Test
    void sampledFramesThatCannotBeHeldAreRefusedBeforeDecoding() {
        String limit = System.getProperty("action4j.maxTensorBytes");
        System.setProperty("action4j.maxTensorBytes", "1000000");
        try {
            // The whole video: the header's 340x256 times the frames sampled, as float pixels, against 1 MB.
            Launcher.Result refused = recognize(demo());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("error: " + demo() + ": 8 sampled frames of 340x256: a 8x256x340x3 tensor is "
                            + "2088960 values (8.4 MB), ")
                    .contains("more than the limit action4j.maxTensorBytes/ACTION4J_MAX_TENSOR_BYTES (1.0 MB); sample "
                            + "fewer frames (clipLen, numClips) or resize the video first");
        } finally {
            if (limit == null) {
                System.clearProperty("action4j.maxTensorBytes");
            } else {
                System.setProperty("action4j.maxTensorBytes", limit);
            }
        }
    }

    private static String demo() {
        return PipelineShowEndToEndTest.demoVideo().toString();
    }

    /** {@code recognize} with a narrow r3d_18 on one small clip per window, so that a window costs milliseconds. */
    private static Launcher.Result recognize(String... args) {
        List<String> all = new ArrayList<>(List.of("recognize"));
        for (String override : RecognizeWindowsApiTest.SMALL_R3D) {
            all.add("--set");
            all.add(override);
        }
        all.addAll(List.of("--set", "data.sampler.numClips=1"));
        all.addAll(List.of(args));
        return Launcher.run(all.toArray(String[]::new));
    }

    private static List<JsonNode> parse(String lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                try {
                    parsed.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return parsed;
    }
}
