package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.ComponentKind;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.engine.recognition.WindowOfVideo;
import io.action4j.engine.stream.WindowPlan;
import io.action4j.engine.stream.WindowRun;
import io.action4j.engine.recognition.WindowScores;
import io.action4j.engine.stream.WindowSpec;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Recognizer#recognizeWindows} on real videos with the real plugins (ffmpeg reader,
 * sample_frames, resize, center_crop, normalize, a narrow r3d_18): each streamed window scores as the
 * ordinary random-access path scores a video made of that window's frames alone.
 */
class RecognizeWindowsApiTest {

    /** r3d_18 at a quarter of its width on 8 frames of 56x56: the real graph, fast enough for a test. */
    static final List<String> SMALL_R3D = List.of(
            "model.backbone.baseChannels=16",
            "data.sampler={type: sample_frames, clipLen: 8, frameInterval: 2, numClips: 2, testMode: true}",
            "data.pipeline=[{type: resize, scale: [-1, 64]}, {type: center_crop, cropSize: [56, 56]}, "
                    + "{type: normalize, mean: [110.2, 100.6, 96.0], std: [58.1, 56.5, 55.3]}]");

    @TempDir
    Path folder;

    @Test
    void streamedWindowsEqualEachWindowRecognisedAloneOnARealVideo() throws Exception {
        // demo.mp4: 280 frames at 28 fps; 2 s windows every 1.5 s are 56 frames every 42, and a tail.
        WindowRun run = recogniseAndCompare(PipelineShowEndToEndTest.demoVideo(), WindowSpec.parse("2s", "1.5s"),
                new WindowPlan(56, 42).over(280));

        assertThat(run.windows()).isEqualTo(7);
        assertThat(run.framesDecoded()).isEqualTo(280);
        assertThat(run.frameCountDiffers()).isFalse();
        assertThat(run.framesReadAgain()).isZero();
        // 16 sampled frames per window (two clips of 8, 2 apart): two windows under way at once, and the tail's.
        assertThat(run.maxFramesHeld()).isLessThanOrEqualTo(3 * 16);
    }

    @Test
    void aFileCutShortEndsTheStreamAndItsLastWindowIsReadAgain() throws Exception {
        // test.avi's first 150,000 bytes: the header still says 164 frames, 78 decode (see BadVideoInputTest).
        Path whole = PipelineShowEndToEndTest.demoVideo().getParent().getParent().resolve("tests/data/test.avi");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(folder.resolve("test_cut.avi"), Arrays.copyOf(bytes, 150_000));

        WindowRun run = recogniseAndCompare(cut, WindowSpec.ofFrames(30, 30), List.of(
                new WindowPlan.Span(0, 30), new WindowPlan.Span(30, 60), new WindowPlan.Span(48, 78)));

        assertThat(run.metadata().frameCount()).isEqualTo(164);
        assertThat(run.framesDecoded()).isEqualTo(78);
        assertThat(run.frameCountDiffers()).isTrue();
        // The tail [48, 78) was expected to be [134, 164): of the frames it samples (48, 50, ..., 62 and
        // 63, 65, ..., 77) only 60, 62, 75 and 77 were still held, for the window [60, 90) that did not fit.
        assertThat(run.framesReadAgain()).isEqualTo(12);
    }

    /** Recognises the windows streamed, then each window's frames alone, and compares the scores. */
    private static WindowRun recogniseAndCompare(Path video, WindowSpec spec, List<WindowPlan.Span> expected)
            throws Exception {
        PluginRegistry registry = PluginLoader.load(RecognizeWindowsApiTest.class.getClassLoader(), List.of());
        ExperimentConfig config = new ConfigBinder(registry).bind(new ConfigLoader().load(
                Launcher.repository().resolve("configs/recognition/resnet3d/r3d-18_kinetics400.yaml"), SMALL_R3D),
                ExperimentConfig.class);
        VideoDecoder ffmpeg = ComponentSpec.defaults(registry.find(ComponentKind.VIDEO_READER, "ffmpeg"))
                .create(VideoDecoder.class);
        VideoDecoder decoder = path -> path.toString().contains("#")
                ? openWindow(ffmpeg, path) : ffmpeg.open(path);
        List<WindowScores> windows = new ArrayList<>();

        WindowRun run;
        try (Recognizer recognizer = new Recognizer(config, path -> decoder, model -> { }, RecognitionOptions.DEFAULTS)) {
            run = recognizer.recognizeWindows(video, spec, windows::add);

            assertThat(windows).extracting(w -> new WindowPlan.Span(w.startFrame(), w.endFrame())).isEqualTo(expected);
            double largest = 0;
            for (WindowScores window : windows) {
                float[] alone = recognizer.recognize(Path.of(video + "#" + window.startFrame() + "-" + window.endFrame()))
                        .scores();
                float[] streamed = window.scores().scores();
                for (int c = 0; c < streamed.length; c++) {
                    assertThat(streamed[c]).as("window %d, class %d", window.window(), c).isCloseTo(alone[c], within(1e-5f));
                    largest = Math.max(largest, Math.abs(streamed[c] - alone[c]));
                }
                assertThat(window.startSeconds()).isEqualTo(window.startFrame() / run.metadata().fps());
                assertThat(window.endSeconds()).isEqualTo(window.endFrame() / run.metadata().fps());
            }
            System.out.printf("windows on %s: %d windows, max |streamed - alone| = %.3g, max frames held %d, "
                    + "read again %d%n", video.getFileName(), windows.size(), largest, run.maxFramesHeld(),
                    run.framesReadAgain());
        }
        assertThat(windows.get(0).scores().scores()).as("different frames, different scores")
                .isNotEqualTo(windows.get(windows.size() - 1).scores().scores());
        return run;
    }

    /** The frames {@code [start, end)} of the video a {@code path#start-end} path names, as a video of their own. */
    private static VideoReader openWindow(VideoDecoder decoder, Path path) throws VideoException {
        String text = path.toString();
        String[] ends = text.substring(text.lastIndexOf('#') + 1).split("-");
        return new WindowOfVideo(decoder.open(Path.of(text.substring(0, text.lastIndexOf('#')))),
                Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    }
}
