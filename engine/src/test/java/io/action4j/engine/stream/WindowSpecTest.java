package io.action4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowSpecTest {

    @ParameterizedTest(name = "--window {0} --stride {1} at {2} fps: {3} / {4} frames")
    @CsvSource({
            "64,   32,   30,     64,  32",
            "64,   32,   25,     64,  32",    // frames do not depend on the rate
            "2s,   1s,   25,     50,  25",
            "2s,   1s,   30,     60,  30",
            "2S,   0.5s, 30,     60,  15",
            "1s,   8,    29.97,  30,  8",     // 29.97 rounds to 30; units may mix
            "0.5s, 0.5s, 25,     13,  13",    // 12.5 frames: halves round up
            "1.5s, 1s,   28,     42,  28"})
    void convertsSecondsWithTheVideosFrameRate(String window, String stride, double fps, int windowFrames,
                                               int strideFrames) {
        assertThat(WindowSpec.parse(window, stride).inFrames(fps)).isEqualTo(new WindowPlan(windowFrames, strideFrames));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0     | window '0': must be positive",
            "-4    | window '-4': expected frames (e.g. 64) or seconds with an s suffix (e.g. 2s)",
            "1.5   | window '1.5': frames are whole; for seconds add s (e.g. 1.5s)",
            "2m    | window '2m': expected frames",
            "''    | window '': expected frames",
            "0.0s  | window '0.0s': must be positive"})
    void refusesWhatIsNotAPositiveLength(String window, String message) {
        assertThatThrownBy(() -> WindowSpec.parse(window, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"0.01s, 25", "0.019s, 25"})
    void aWindowShorterThanOneFrameIsAnError(String window, double fps) {
        WindowSpec spec = WindowSpec.parse(window, "1");

        assertThatThrownBy(() -> spec.inFrames(fps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window " + window + " is less than one frame at " + fps + " fps");
    }
}
