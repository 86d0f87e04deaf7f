package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoException;
import io.action4j.localization.features.FeatureCache;
import io.action4j.localization.features.FeatureSequence;
import io.action4j.localization.features.Rows;
import io.action4j.localization.run.LocalizationResult;
import io.action4j.localization.run.Localizer;
import io.action4j.localization.run.LocalizerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Localization from a raw video in one pass ({@code Localizer}, {@code localize}): a small R3D gives
 * 16-frame snippets their features, a small BMN the segments. The weights are seeded, so the
 * segments are not meaningful; what is checked is the pass itself, the feature cache and its resume,
 * and the files.
 */
class LocalizeEndToEndTest {

    private static final String CONFIG = """
            model:
              backbone:
                type: resnet3d
                depth: 18
                convType: 3d
                baseChannels: 8
                stageBlocks: [1, 1, 1, 1]
              locHead:
                type: bmn
                temporalDim: 16
                featDim: 64
                numSamples: 4
                hiddenDim1d: 16
                hiddenDim2d: 8
                hiddenDim3d: 16
                postProcessTopK: 10
            windows:
              window: 16
              stride: 16
            data:
              sampler:
                type: sample_frames
                clipLen: 4
                frameInterval: 4
                numClips: 1
                testMode: true
              pipeline:
                - type: resize
                  scale: [32, 32]
                  keepRatio: false
            """;

    @TempDir
    Path folder;

    private Path video;
    private Path config;

    @BeforeEach
    void prepare() throws Exception {
        video = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/demo/demo.mp4");
        assumeTrue(Files.exists(video), "missing fixture " + video + " (the ../shared checkout); skipping");
        config = Files.writeString(folder.resolve("bmn.yaml"), CONFIG);
    }

    private Localizer localizer(Path cache) {
        LocalizerOptions options = cache == null ? LocalizerOptions.DEFAULTS : LocalizerOptions.DEFAULTS.withFeatureCache(cache);
        return Localizer.builder().config(config).options(options).build();
    }

    @Test
    void aRawVideoGivesSegmentsInsideItBestFirst() throws Exception {
        LocalizationResult result;
        try (Localizer localizer = localizer(null)) {
            result = localizer.localize(video);
        }

        assertThat(result.snippets()).isEqualTo(18); // 300 frames at 16 per snippet: 18 whole ones and the tail
        assertThat(result.fromCache()).isFalse();
        assertThat(result.segments()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        for (TemporalSegment segment : result.segments()) {
            assertThat(segment.startSeconds()).isBetween(0.0, segment.endSeconds());
            assertThat(segment.endSeconds()).isLessThanOrEqualTo(result.durationSeconds() + 1);
            assertThat(segment.label()).isEqualTo(-1);
        }
        assertThat(result.segments()).extracting(TemporalSegment::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void untrimmedSampleFramesSnippetsAreStreamedAsMmaction2PlacesThem() throws Exception {
        // MMAction2's UntrimmedSampleFrames with clip_len 4, frame_interval 4, clip_interval 16: clip k takes
        // frames 16k + 8 - 8, -4, 0, +4, the frames that windows of 13 frames every 16 sample with the config's
        // sample_frames (its test-mode clip spans 13 frames, so it starts where the window does). The clips stand
        // for 16 frames each, and the demo's 280 frames hold 17 centres (8 ... 264): frames 272..279 belong to
        // none, where the windows end with a tail.
        Path centred = Files.writeString(folder.resolve("centred.yaml"), """
                _base_: [%s]
                windows: null
                data:
                  sampler:
                    _delete_: true
                    type: untrimmed_sample_frames
                    clipLen: 4
                    clipInterval: 16
                    frameInterval: 4
                """.formatted(config));
        Path windowed = Files.writeString(folder.resolve("windows.yaml"), """
                _base_: [%s]
                windows:
                  window: 13
                """.formatted(config));
        FeatureSequence windows = features(windowed, folder.resolve("windows-cache"));
        FeatureSequence clips = features(centred, folder.resolve("centred-cache"));

        assertThat(windows.steps()).isEqualTo(18);
        assertThat(clips.steps()).isEqualTo(17);
        assertThat(clips.values()).containsExactly(java.util.Arrays.copyOf(windows.values(), 17 * clips.channels()));
        assertThat(clips.startSeconds()).containsExactly(java.util.Arrays.copyOf(windows.startSeconds(), 17));
        for (int k = 0; k < 17; k++) {
            assertThat(clips.endSeconds()[k]).isEqualTo((16 * k + 16) / 28.0);
        }

        // Neither windows nor a sampler that centres clips: nothing says where the snippets are.
        Path neither = Files.writeString(folder.resolve("neither.yaml"), "_base_: [%s]\nwindows: null\n".formatted(config));
        assertThatThrownBy(() -> Localizer.builder().config(neither).build())
                .hasMessageContaining("snippets need a 'windows' section")
                .hasMessageContaining("data.sampler.type: untrimmed_sample_frames");
    }

    /** The snippet features a config's localizer extracts from the demo video, read back from its cache. */
    private FeatureSequence features(Path configFile, Path cache) throws Exception {
        try (Localizer localizer = Localizer.builder().config(configFile)
                .options(LocalizerOptions.DEFAULTS.withFeatureCache(cache)).build()) {
            localizer.localize(video);
        }
        try (Stream<Path> entries = Files.list(cache)) {
            return FeatureCache.Entry.at(entries.findFirst().orElseThrow()).complete().orElseThrow();
        }
    }

    @Test
    void theCacheIsReusedAndAnInterruptedExtractionResumesWithTheSameSegments() throws Exception {
        Path cache = folder.resolve("cache");
        LocalizationResult first;
        LocalizationResult cached;
        try (Localizer localizer = localizer(cache)) {
            first = localizer.localize(video);
            cached = localizer.localize(video);
        }
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.segments()).isEqualTo(first.segments());
        Path entry;
        try (Stream<Path> entries = Files.list(cache)) {
            entry = entries.findFirst().orElseThrow();
        }
        assertThat(entry.resolve("features.csv")).exists();
        assertThat(entry.resolve("features.npy")).exists();

        // What a run killed after 7 snippets leaves: their rows in the partial file, nothing complete.
        FeatureCache.Entry stored = FeatureCache.Entry.at(entry);
        FeatureSequence complete = stored.complete().orElseThrow();
        Files.delete(entry.resolve("features.npy"));
        Files.delete(entry.resolve("snippets.json"));
        Files.delete(entry.resolve("features.csv"));
        try (FeatureCache.RowAppender appender = stored.appender(new Rows())) {
            for (int t = 0; t < 7; t++) {
                appender.append(t, complete.startSeconds()[t], complete.endSeconds()[t], java.util.Arrays.copyOfRange(
                        complete.values(), t * complete.channels(), (t + 1) * complete.channels()));
            }
        }

        LocalizationResult resumed;
        try (Localizer localizer = localizer(cache)) {
            resumed = localizer.localize(video);
        }

        assertThat(resumed.resumedSnippets()).isEqualTo(7);
        assertThat(resumed.fromCache()).isFalse();
        assertThat(resumed.snippets()).isEqualTo(first.snippets());
        assertThat(resumed.segments()).isEqualTo(first.segments());
        assertThat(entry.resolve("snippets.partial")).doesNotExist();
    }

    @Test
    void theCommandPrintsSegmentsAndWritesActivityNetCsvAndJsonLines() throws Exception {
        Path json = folder.resolve("results.json");
        Path csv = folder.resolve("segments.csv");
        Path lines = folder.resolve("segments.jsonl");

        Path timeline = folder.resolve("timeline.html");
        Path truth = Files.writeString(folder.resolve("gt.json"), "{\"v_demo\": {\"annotations\": ["
                + "{\"segment\": [1.5, 2.5], \"label\": \"x\"}]}}");

        Launcher.Result result = Launcher.run("localize", "--config", config.toString(), "--out", json.toString(),
                "--csv", csv.toString(), "--jsonl", lines.toString(), "--top", "3", "--timings",
                "--timeline", timeline.toString(), "--gt", truth.toString(), video.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("no checkpoint: the model keeps its seeded initial weights");
        assertThat(result.out()).contains("demo.mp4: ").contains(" segments from 18 snippets")
                .containsPattern("\\n +\\d+\\.\\d\\d s - +\\d+\\.\\d\\d s  score 0\\.\\d{4}\\n");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("version").asText()).isEqualTo("VERSION 1.3");
        JsonNode demo = written.get("results").get("demo");
        assertThat(demo.size()).isPositive();
        assertThat(demo.get(0).get("segment")).hasSize(2);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("video,start,end,label,score");
        assertThat(Files.readAllLines(csv)).hasSize(demo.size() + 1);
        assertThat(new ObjectMapper().readTree(Files.readAllLines(lines).get(0)).get("segments")).hasSize(demo.size());
        assertThat(result.out()).containsPattern("time: \\d+\\.\\d\\d s \\(\\d+ frames/s\\): decode and transforms \\d+%, "
                + "backbone \\d+%, head \\d+%, post-processing \\d+%");
        assertThat(Files.readString(timeline)).contains("demo.mp4").contains("ground truth")
                .contains("<title>1.50 s - 2.50 s, score 1.0000</title>");
    }

    @Test
    void aVideoShorterThanOneSnippetIsPaddedOrRefusedAsAsked() throws Exception {
        Path data = folder.resolve("short");
        assertThat(Launcher.run("synth", "--out", data.toString(), "--frames", "8", "--classes", "still",
                "--train-per-class", "1", "--val-per-class", "0", "--test-per-class", "0", "--size", "32x32")
                .exitCode()).isZero();
        Path shortVideo = data.resolve("videos/still/still_train_0000.mp4");

        Launcher.Result padded = Launcher.run("localize", "--config", config.toString(), shortVideo.toString());
        Launcher.Result refused = Launcher.run("localize", "--config", config.toString(), "--short-video", "fail",
                shortVideo.toString());

        assertThat(padded.exitCode()).as(padded.err()).isZero();
        assertThat(padded.out()).contains("from 1 snippets");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("still_train_0000.mp4").contains("8 frames, fewer than one snippet needs (16 for windows of 16 frames every 16)");
    }

    @Test
    void theCommittedLocalizationConfigsBind() throws Exception {
        try (Stream<Path> files = Files.walk(Launcher.repository().resolve("configs/localization"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                Launcher.Result result = Launcher.run("config", "show", file.toString());
                assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
                assertThat(result.out()).as(file.toString()).containsPattern("locHead:\\n +type: (bmn|tem)\\n");
            }
        }
    }

    @Test
    void aFileThatIsNotAVideoIsNamedAndEarlierOutputsSurvive() throws Exception {
        Path json = Files.writeString(folder.resolve("results.json"), "{\"kept\": true}\n");
        Path notVideo = Files.writeString(folder.resolve("notes.mp4"), "not a video");

        Launcher.Result result = Launcher.run("localize", "--config", config.toString(), "--out", json.toString(),
                notVideo.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("notes.mp4");
        assertThat(Files.readString(json)).isEqualTo("{\"kept\": true}\n");
        try (Localizer localizer = localizer(null)) {
            assertThatThrownBy(() -> localizer.localize(notVideo)).isInstanceOf(VideoException.class)
                    .hasMessageContaining("notes.mp4");
        }
    }
}
