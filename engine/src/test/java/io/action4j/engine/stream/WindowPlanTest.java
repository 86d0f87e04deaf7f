package io.action4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window arithmetic the README documents, case by case. */
class WindowPlanTest {

    @ParameterizedTest(name = "{0} frames, window {1}, stride {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            // frames | W  | S  | windows [start, end), space-separated
            "100 | 32 | 16 | 0-32 16-48 32-64 48-80 64-96 68-100",   // tail ends at the last frame
            "96  | 32 | 16 | 0-32 16-48 32-64 48-80 64-96",          // the last full window ends there: no tail
            "97  | 32 | 16 | 0-32 16-48 32-64 48-80 64-96 65-97",
            "33  | 32 | 16 | 0-32 1-33",
            "32  | 32 | 16 | 0-32",                                  // exactly one window
            "20  | 32 | 16 | 0-20",                                  // shorter than a window: all of it
            "1   | 32 | 16 | 0-1",
            "0   | 32 | 16 | ''",                                    // nothing to cover
            "100 | 25 | 25 | 0-25 25-50 50-75 75-100",               // adjacent windows
            "110 | 25 | 25 | 0-25 25-50 50-75 75-100 85-110",
            "10  | 1  | 4  | 0-1 4-5 8-9",                            // single frames, gaps skipped
            "75  | 10 | 30 | 0-10 30-40 60-70",                      // next start (90) past the end: no tail
            "95  | 10 | 30 | 0-10 30-40 60-70 85-95",                // next start (90) inside: tail
            "65  | 10 | 30 | 0-10 30-40 55-65",
            "8   | 4  | 1  | 0-4 1-5 2-6 3-7 4-8"})
    void windowsAndTheirTail(int frames, int window, int stride, String expected) {
        assertThat(new WindowPlan(window, stride).over(frames)).isEqualTo(spans(expected));
    }

    @Test
    void secondsBecomeFramesBeforeTheArithmetic() {
        // demo.mp4's 280 frames at 28 fps with --window 2s --stride 1s: 56-frame windows every 28 frames.
        WindowPlan plan = WindowSpec.parse("2s", "1s").inFrames(28);

        assertThat(plan.over(280)).isEqualTo(spans("0-56 28-84 56-112 84-140 112-168 140-196 168-224 196-252 224-280"));
        assertThat(WindowSpec.parse("3s", "2s").inFrames(28).over(280))
                .isEqualTo(spans("0-84 56-140 112-196 168-252 196-280"));
    }

    @Test
    void everyFrameIsCoveredWhenTheStrideIsAtMostTheWindow() {
        for (int window = 1; window <= 12; window++) {
            for (int stride = 1; stride <= window; stride++) {
                for (int frames = 1; frames <= 40; frames++) {
                    boolean[] covered = new boolean[frames];
                    List<WindowPlan.Span> spans = new WindowPlan(window, stride).over(frames);
                    for (WindowPlan.Span span : spans) {
                        assertThat(span.end()).isLessThanOrEqualTo(frames);
                        assertThat(span.length()).isEqualTo(Math.min(window, frames));
                        Arrays.fill(covered, span.start(), span.end(), true);
                    }
                    assertThat(covered).as("%d frames, window %d, stride %d", frames, window, stride).doesNotContain(false);
                    assertThat(spans).extracting(WindowPlan.Span::start).isSorted().doesNotHaveDuplicates();
                }
            }
        }
    }

    private static List<WindowPlan.Span> spans(String text) {
        List<WindowPlan.Span> spans = new ArrayList<>();
        for (String span : text.isBlank() ? new String[0] : text.strip().split(" ")) {
            String[] ends = span.split("-");
            spans.add(new WindowPlan.Span(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
        }
        return spans;
    }
}
