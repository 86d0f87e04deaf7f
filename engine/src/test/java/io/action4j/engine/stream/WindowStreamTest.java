package io.action4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.engine.recognition.TestComponents;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows made from frames as they arrive, without knowing the frame count in advance. */
class WindowStreamTest {

    private static final ClipSampler CENTRED_8 = TestComponents.clips(new TestComponents.ClipsConfig(8, 1, false));

    @Test
    void makesTheSameWindowsAsThePlanForAnyLength() throws Exception {
        ClipSampler[] samplers = {CENTRED_8, TestComponents.clips(new TestComponents.ClipsConfig(2, 3, false)),
                TestComponents.clips(new TestComponents.ClipsConfig(3, 2, true))};
        for (ClipSampler sampler : samplers) {
            for (int window : new int[] {1, 4, 7, 16}) {
                for (int stride : new int[] {1, 3, 7, 16, 20}) {
                    for (int frames = 0; frames <= 70; frames++) {
                        WindowPlan plan = new WindowPlan(window, stride);
                        // The metadata's count is a hint: right, too high (a cut file) or too low.
                        for (int announced : new int[] {frames, frames + 9, Math.max(frames - 9, 1)}) {
                            Streamed streamed = stream(plan, sampler, 0, frames, announced);

                            assertThat(streamed.spans()).as("%d frames (%d announced), window %d, stride %d", frames,
                                    announced, window, stride).isEqualTo(plan.over(frames));
                            // Frames of windows under way are among the last W; the expected last window's add to them.
                            int sampledPerWindow = sampler.sample(new SamplingRequest(window, 25, 0, OptionalInt.empty()),
                                    new SplittableRandom(0)).indices().length;
                            assertThat(streamed.maxHeld()).isLessThanOrEqualTo(window + sampledPerWindow);
                            assertFramesMatchIndices(streamed, 0);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} frames from index {1}, {2} announced")
    @CsvSource({
            // frames, start index, announced, frames of the last window read again
            "100, 0, 100, 0", "100, 1, 100, 0", "20, 1, 20, 0", "97, 0, 97, 0",
            // The tail [65, 97) samples 65..68, 79..82, 93..96; the unfinished [80, 112) still holds 80..82 and 94..96.
            "97, 1, 120, 6", "97, 0, 80, 6",
            // One window [0, 20) sampling 0..3, 8..11, 16..19, all held for windows that did not fit in 20 frames.
            "20, 0, 40, 0"})
    void eachWindowGetsTheFramesItsSamplerPickedAsIfTheWindowWereAWholeVideo(int frames, int startIndex, int announced,
                                                                            int readAgain) throws Exception {
        WindowPlan plan = new WindowPlan(32, 16);
        ClipSampler sampler = TestComponents.clips(new TestComponents.ClipsConfig(4, 3, false));

        Streamed streamed = stream(plan, sampler, startIndex, frames, announced);

        assertThat(streamed.windows()).isNotEmpty();
        for (WindowStream.ReadyWindow window : streamed.windows()) {
            WindowPlan.Span span = window.span();
            // The sampler sees a window as a video of span.length() frames whose first index is its start.
            FrameSelection alone = sampler.sample(new SamplingRequest(span.length(), 25, startIndex + span.start(),
                    OptionalInt.empty()), new SplittableRandom(0));
            assertThat(window.selection().indices()).isEqualTo(alone.indices());
        }
        assertFramesMatchIndices(streamed, startIndex);
        assertThat(streamed.windows()).extracting(WindowStream.ReadyWindow::index)
                .containsExactlyElementsOf(range(streamed.windows().size()));
        assertThat(streamed.readAgain()).as("frames of the last window read again").isEqualTo(readAgain);
    }

    @Test
    void aFullWindowIsHandedOutWhenItsLastFrameArrivesAndTheTailOnlyAtTheEnd() throws Exception {
        WindowStream stream = new WindowStream(new WindowPlan(10, 4), CENTRED_8, 25, 0, 0, 21);
        List<String> events = new ArrayList<>();
        for (int position = 0; position < 21; position++) {
            for (WindowStream.ReadyWindow window : stream.accept(frame(position, 0))) {
                events.add("frame " + position + ": [" + window.span().start() + ", " + window.span().end() + ")");
            }
        }
        for (WindowStream.ReadyWindow window : stream.finish(WindowStreamTest::read)) {
            events.add("end: [" + window.span().start() + ", " + window.span().end() + ")");
        }

        // The window starting at 12 has sampled all its frames (13..20) when frame 20 arrives, but it
        // would end at frame 22: the video ends first, so it is not a window and the tail replaces it.
        assertThat(events).containsExactly("frame 9: [0, 10)", "frame 13: [4, 14)", "frame 17: [8, 18)",
                "end: [11, 21)");
    }

    @ParameterizedTest(name = "window {0}, stride {1}: at most {2} frames held")
    @CsvSource({"32, 32, 8", "32, 8, 20", "32, 1, 20", "16, 40, 8", "64, 16, 20"})
    void onlyFramesThatWindowsSampledAreHeldHoweverLongTheVideo(int window, int stride, int expectedMax)
            throws Exception {
        WindowPlan plan = new WindowPlan(window, stride);

        // Both lengths end with a full window: no tail, whose frames would add to the last ones held.
        Streamed shorter = stream(plan, CENTRED_8, 0, 1_280, 1_280);
        Streamed longer = stream(plan, CENTRED_8, 0, 20_000, 20_000);

        // Centred 8 of W frames: window s samples s + (W - 8) / 2 + 0..7; at most the arrived frames
        // of the windows that have started and not ended are held, e.g. 20 of 32 with stride 8.
        assertThat(longer.windows()).hasSize(plan.over(20_000).size());
        assertThat(longer.maxHeld()).isEqualTo(expectedMax).isEqualTo(shorter.maxHeld());
        assertThat(longer.readAgain()).isZero();
    }

    @Test
    void theExpectedLastWindowsFramesAreKeptAsTheyPass() throws Exception {
        // 100 frames announced, window 32 every 16: full windows end at 96; the tail [68, 100) samples 80..87.
        WindowStream stream = new WindowStream(new WindowPlan(32, 16), CENTRED_8, 25, 0, 0, 100);
        for (int position = 0; position < 88; position++) {
            stream.accept(frame(position, 0));
        }
        // Window [64, 96) samples 76..83 and waits; the tail's 80..87 are kept for the end.
        assertThat(stream.framesHeld()).isEqualTo(12);
        for (int position = 88; position < 100; position++) {
            stream.accept(frame(position, 0));
        }
        // [64, 96) ended and let 76..79 go; the tail's 80..87 stay, with 92..99 for [80, 112), which will not fit.
        assertThat(stream.framesHeld()).isEqualTo(16);

        List<WindowStream.ReadyWindow> last = stream.finish(positions -> {
            throw new AssertionError("nothing to read again");
        });

        assertThat(last).singleElement().extracting(WindowStream.ReadyWindow::span).isEqualTo(new WindowPlan.Span(68, 100));
        assertThat(stream.framesReadAgain()).isZero();
    }

    @Test
    void aSamplerThatLeavesTheWindowIsRefused() {
        ClipSampler greedy = (request, random) -> new FrameSelection(new int[] {request.startIndex() + request.totalFrames()}, 1, 1);

        WindowStream stream = new WindowStream(new WindowPlan(8, 8), greedy, 25, 0, 0, 96);

        assertThatThrownBy(() -> stream.accept(frame(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sampler picked frame 8 for a window of frames [0, 8): a sampler must keep to the "
                        + "frames it is given");
        assertThatThrownBy(() -> new WindowStream(new WindowPlan(8, 8), greedy, 25, 0, 0, 100))
                .as("the last window expected in 100 frames, [92, 100)")
                .hasMessageStartingWith("the sampler picked frame 100 for a window of frames [92, 100)");
    }

    private record Streamed(List<WindowStream.ReadyWindow> windows, int maxHeld, int readAgain) {

        List<WindowPlan.Span> spans() {
            return windows.stream().map(WindowStream.ReadyWindow::span).toList();
        }
    }

    private static Streamed stream(WindowPlan plan, ClipSampler sampler, int startIndex, int frames, int announced)
            throws VideoException {
        WindowStream stream = new WindowStream(plan, sampler, 25, startIndex, 0, announced);
        List<WindowStream.ReadyWindow> windows = new ArrayList<>();
        for (int position = 0; position < frames; position++) {
            windows.addAll(stream.accept(frame(position, startIndex)));
        }
        windows.addAll(stream.finish(indices -> {
            List<VideoFrame> read = new ArrayList<>();
            for (int index : indices) {
                assertThat(index - startIndex).as("read again").isBetween(0, frames - 1);
                read.add(frame(index - startIndex, startIndex));
            }
            return read;
        }));
        return new Streamed(windows, stream.maxFramesHeld(), stream.framesReadAgain());
    }

    /** Each window's frames are the frames at its sampled indices, in order. */
    private static void assertFramesMatchIndices(Streamed streamed, int startIndex) {
        for (WindowStream.ReadyWindow window : streamed.windows()) {
            assertThat(window.frames()).extracting(VideoFrame::index)
                    .containsExactly(Arrays.stream(window.selection().indices()).boxed().toArray(Integer[]::new));
            for (VideoFrame frame : window.frames()) {
                assertThat(frame.pixels()[0]).isEqualTo(pixelOf(frame.index() - startIndex));
            }
        }
    }

    private static List<VideoFrame> read(int[] indices) {
        List<VideoFrame> read = new ArrayList<>();
        for (int index : indices) {
            read.add(frame(index, 0));
        }
        return read;
    }

    /** A 1x1 frame whose value tells where it came from. */
    private static VideoFrame frame(int position, int startIndex) {
        return new VideoFrame(startIndex + position, 1, 1, 3, new byte[] {pixelOf(position), 0, 0});
    }

    private static byte pixelOf(int position) {
        return (byte) (position * 31 + 7);
    }

    private static List<Integer> range(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
