package io.action4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each config record: MMAction2's defaults, and a bad value reported under its key. */
class ConfigRecordsTest {

    @Test
    void sampleFramesDefaults() {
        assertThat(new SampleFramesFactory().defaultConfig())
                .isEqualTo(new SampleFramesConfig(1, 1, 1, false, false, false, "loop", false));
    }

    @Test
    void sampleFramesRejectsBadValues() {
        assertKey(() -> new SampleFramesConfig(0, 1, 1, false, false, false, "loop", false), "clipLen");
        assertKey(() -> new SampleFramesConfig(8, -2, 1, false, false, false, "loop", false), "frameInterval");
        assertKey(() -> new SampleFramesConfig(8, 1, 0, false, false, false, "loop", false), "numClips");
        assertKey(() -> new SampleFramesConfig(8, 1, 1, false, false, false, "wrap", false), "outOfBoundOpt");
        assertKey(() -> new SampleFramesConfig(8, 1, 1, false, false, false, null, false), "outOfBoundOpt");
    }

    @Test
    void sampleFramesRejectsTwiceSampleWithOneThreeDimensionalTestClip() {
        // MMAction2 raises ZeroDivisionError for this combination.
        assertKey(() -> new SampleFramesConfig(8, 2, 1, true, false, true, "loop", false), "twiceSample");
        // Fine: 2D test mode, or several clips, or train mode (where twice_sample is unused).
        new SampleFramesConfig(1, 1, 1, true, false, true, "loop", false);
        new SampleFramesConfig(8, 2, 2, true, false, true, "loop", false);
        new SampleFramesConfig(8, 2, 1, false, false, true, "loop", false);
    }

    @Test
    void denseSampleFramesDefaults() {
        assertThat(new DenseSampleFramesFactory().defaultConfig())
                .isEqualTo(new DenseSampleFramesConfig(32, 1, 1, 64, 10, false, false, "loop"));
    }

    @Test
    void denseSampleFramesRejectsBadValues() {
        assertKey(() -> new DenseSampleFramesConfig(32, 1, 1, 0, 10, false, false, "loop"), "sampleRange");
        assertKey(() -> new DenseSampleFramesConfig(32, 1, 1, 64, 0, false, false, "loop"), "numSamplePositions");
        assertKey(() -> new DenseSampleFramesConfig(32, 1, 1, 64, 10, false, false, "clamp"), "outOfBoundOpt");
    }

    @Test
    void untrimmedSampleFramesDefaults() {
        assertThat(new UntrimmedSampleFramesFactory().defaultConfig())
                .isEqualTo(new UntrimmedSampleFramesConfig(1, 16, 1));
    }

    @Test
    void untrimmedSampleFramesRejectsBadValues() {
        assertKey(() -> new UntrimmedSampleFramesConfig(1, 0, 1), "clipInterval");
        assertKey(() -> new UntrimmedSampleFramesConfig(-1, 16, 1), "clipLen");
    }

    @Test
    void sampleAvaFramesDefaults() {
        assertThat(new SampleAvaFramesFactory().defaultConfig()).isEqualTo(new SampleAvaFramesConfig(32, 2, false));
    }

    @Test
    void sampleAvaFramesRejectsBadValues() {
        assertKey(() -> new SampleAvaFramesConfig(32, 0, false), "frameInterval");
        assertKey(() -> new SampleAvaFramesConfig(0, 2, false), "clipLen");
    }

    @Test
    void slidingWindowsDefaults() {
        assertThat(new SlidingWindowsFactory().defaultConfig())
                .isEqualTo(new SlidingWindowsConfig(64, 32, 16, 4, "pad"));
    }

    @Test
    void slidingWindowsRejectsBadValues() {
        assertKey(() -> new SlidingWindowsConfig(0, 32, 16, 4, "pad"), "windowFrames");
        assertKey(() -> new SlidingWindowsConfig(64, 0, 16, 4, "pad"), "strideFrames");
        assertKey(() -> new SlidingWindowsConfig(64, 32, 16, 4, "wrap"), "tailWindow");
        // 16 frames 5 apart span 76 frames: more than the window.
        assertKey(() -> new SlidingWindowsConfig(64, 32, 16, 5, "pad"), "clipLen");
        new SlidingWindowsConfig(64, 32, 64, 1, "drop"); // every frame fits exactly
    }

    private static void assertKey(ThrowingCallable construction, String key) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }
}
