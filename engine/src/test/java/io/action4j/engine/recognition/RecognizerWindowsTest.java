package io.action4j.engine.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.engine.config.DataConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.recognition.TestComponents.ClipsConfig;
import io.action4j.engine.stream.WindowPlan;
import io.action4j.engine.stream.WindowRun;
import io.action4j.engine.stream.WindowSpec;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Recognizer#recognizeWindows} on made-up videos with the registry's tiny model: each window
 * scores as the ordinary whole-video path scores that window's frames alone.
 */
class RecognizerWindowsTest {

    private static final PluginRegistry REGISTRY = PluginLoader.load(RecognizerWindowsTest.class.getClassLoader(), List.of());
    private static final Path VIDEO = Path.of("synthetic.mp4");
    /** Two random clips of 4 frames per window, then a random flip: the window's seeded generator matters. */
    private static final ClipsConfig RANDOM_CLIPS = new ClipsConfig(4, 2, true);

    @ParameterizedTest(name = "{0} frames ({4} announced) from index {1}, window {2}, stride {3}")
    @CsvSource({"100, 0, 32, 16, 100", "100, 1, 32, 16, 100", "61, 0, 20, 30, 61", "20, 1, 32, 16, 20",
            "100, 0, 32, 16, 130", "100, 1, 32, 16, 70", "20, 0, 32, 16, 50"})
    void eachWindowScoresAsItsFramesAloneWouldThroughTheRandomAccessPath(int frames, int startIndex, int window,
                                                                          int stride, int announced) throws Exception {
        SyntheticVideo video = SyntheticVideo.of(frames, 8, 8).startingAt(startIndex)
                .announcing(announced, announced > frames ? SyntheticVideo.Ending.TRUNCATED : SyntheticVideo.Ending.END);
        List<WindowScores> windows = new ArrayList<>();

        try (Recognizer recognizer = recognizer(video, RANDOM_CLIPS, 3)) {
            WindowRun run = recognizer.recognizeWindows(VIDEO, WindowSpec.ofFrames(window, stride), windows::add);

            assertThat(windows).extracting(w -> new WindowPlan.Span(w.startFrame(), w.endFrame()))
                    .isEqualTo(new WindowPlan(window, stride).over(frames));
            assertThat(run.windows()).isEqualTo(windows.size());
            assertThat(run.framesDecoded()).isEqualTo(frames);
            for (WindowScores scores : windows) {
                float[] alone = recognizer.recognize(restricted(scores.startFrame(), scores.endFrame())).scores();
                float[] streamed = scores.scores().scores();
                assertThat(streamed).hasSize(5);
                for (int c = 0; c < streamed.length; c++) {
                    assertThat(streamed[c]).as("window %d class %d", scores.window(), c).isCloseTo(alone[c], within(1e-5f));
                }
                assertThat(scores.startSeconds()).isEqualTo(scores.startFrame() / 25.0);
                assertThat(scores.endSeconds()).isEqualTo(scores.endFrame() / 25.0);
                assertThat(scores.source()).isEqualTo(VIDEO.toString());
            }
        }
        if (windows.size() > 1) {
            assertThat(windows.get(0).scores().scores()).as("different frames, different scores")
                    .isNotEqualTo(windows.get(1).scores().scores());
        }
    }

    @Test
    void windowsReachTheSinkWhileTheVideoIsStillStreaming() throws Exception {
        SyntheticVideo video = SyntheticVideo.of(100, 8, 8);
        List<String> seen = new ArrayList<>();

        try (Recognizer recognizer = recognizer(video, new ClipsConfig(4, 1, false), 0)) {
            recognizer.recognizeWindows(VIDEO, WindowSpec.ofFrames(32, 16),
                    w -> seen.add("[" + w.startFrame() + ", " + w.endFrame() + ") after " + video.streamed() + " frames"));
        }

        assertThat(seen).containsExactly("[0, 32) after 32 frames", "[16, 48) after 48 frames", "[32, 64) after 64 frames",
                "[48, 80) after 80 frames", "[64, 96) after 96 frames", "[68, 100) after 100 frames");
    }

    @ParameterizedTest(name = "metadata says {1}, the stream gives {0}, {2}")
    @CsvSource({"90, 120, TRUNCATED, 4", "90, 60, END, 4", "90, 90, END, 0"})
    void theStreamsEndNotTheMetadataDecidesTheLastWindow(int frames, int announced, SyntheticVideo.Ending ending,
                                                          int readAgain) throws Exception {
        SyntheticVideo video = SyntheticVideo.of(frames, 8, 8).announcing(announced, ending);
        List<WindowScores> windows = new ArrayList<>();

        WindowRun run;
        try (Recognizer recognizer = recognizer(video, new ClipsConfig(4, 1, false), 0)) {
            run = recognizer.recognizeWindows(VIDEO, WindowSpec.ofFrames(32, 16), windows::add);
        }

        assertThat(windows).extracting(w -> new WindowPlan.Span(w.startFrame(), w.endFrame()))
                .isEqualTo(new WindowPlan(32, 16).over(frames))
                .last().isEqualTo(new WindowPlan.Span(58, 90));
        assertThat(run.framesDecoded()).isEqualTo(frames);
        assertThat(run.metadata().frameCount()).isEqualTo(announced);
        assertThat(run.frameCountDiffers()).isEqualTo(frames != announced);
        // The tail [58, 90) samples 72..75: kept as they passed only if 90 frames were expected.
        assertThat(run.framesReadAgain()).isEqualTo(readAgain);
    }

    @Test
    void aDecodingErrorStopsTheRunAfterTheWindowsBeforeIt() throws Exception {
        SyntheticVideo video = SyntheticVideo.of(100, 8, 8).failingAt(50);
        List<WindowScores> windows = new ArrayList<>();

        try (Recognizer recognizer = recognizer(video, new ClipsConfig(4, 1, false), 0)) {
            assertThatThrownBy(() -> recognizer.recognizeWindows(VIDEO, WindowSpec.ofFrames(32, 16), windows::add))
                    .isInstanceOf(VideoException.class)
                    .hasMessage(VIDEO + ": decoding failed at frame 50");
        }
        assertThat(windows).extracting(WindowScores::endFrame).containsExactly(32, 48);
    }

    @Test
    void heldFramesDoNotGrowWithTheVideo() throws Exception {
        WindowSpec spec = WindowSpec.ofFrames(16, 16);
        int[] maxHeld = new int[2];
        int[] windows = new int[2];
        int[] lengths = {160, 960};
        for (int i = 0; i < lengths.length; i++) {
            try (Recognizer recognizer = recognizer(SyntheticVideo.of(lengths[i], 8, 8), new ClipsConfig(4, 1, false), 0)) {
                WindowRun run = recognizer.recognizeWindows(VIDEO, spec, w -> { });
                maxHeld[i] = run.maxFramesHeld();
                windows[i] = run.windows();
            }
        }

        assertThat(windows).containsExactly(10, 60);
        assertThat(maxHeld[1]).isLessThanOrEqualTo(16).isEqualTo(maxHeld[0]);
    }

    @Test
    void secondsUseTheVideosFrameRate() throws Exception {
        SyntheticVideo video = SyntheticVideo.of(60, 8, 8); // 25 fps
        List<WindowScores> windows = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();

        try (Recognizer recognizer = recognizer(video, new ClipsConfig(4, 1, false), 0)) {
            recognizer.recognizeWindows(VIDEO, WindowSpec.parse("1s", "0.5s"), windows::add,
                    (decoded, expected) -> progress.add(decoded * 1000 + expected));
        }

        // 25-frame windows every 13 frames (12.5 rounds up): 0, 13, 26, then the tail 35..60.
        assertThat(windows).extracting(WindowScores::startSeconds).containsExactly(0.0, 0.52, 1.04, 1.4);
        assertThat(windows).extracting(WindowScores::endSeconds).containsExactly(1.0, 1.52, 2.04, 2.4);
        assertThat(progress).hasSize(60).startsWith(1060).endsWith(60060);
    }

    private static Path restricted(int start, int end) {
        return Path.of("window-" + start + "-" + end);
    }

    /**
     * The recognizer under test; paths from {@link #restricted} open the video cut to that window, as
     * a video of its own whose first index is the window's start.
     */
    private static Recognizer recognizer(SyntheticVideo video, ClipsConfig clips, long seed) {
        ModelConfig model = new ConfigBinder(REGISTRY).bind(new ConfigLoader().parse(
                "model:\n  backbone:\n    type: tiny3d\n  clsHead:\n    type: tiny_cls\n    numClasses: 5\n", "test"),
                ExperimentConfig.class).model();
        ExperimentConfig config = new ExperimentConfig(model,
                new DataConfig(null, TestComponents.sampler(clips), List.of(TestComponents.randomFlip()), null));
        VideoDecoder decoder = path -> {
            String name = path.getFileName().toString();
            if (!name.startsWith("window-")) {
                return video.open(path);
            }
            String[] ends = name.substring("window-".length()).split("-");
            return new WindowOfVideo(video.open(path), Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
        };
        return new Recognizer(config, path -> decoder, built -> { }, new RecognitionOptions("prob", 8, seed));
    }
}
