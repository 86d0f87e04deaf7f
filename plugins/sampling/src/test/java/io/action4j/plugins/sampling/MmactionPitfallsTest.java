package io.action4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Hand-checked cases for the pitfalls listed in CONVENTIONS.md, section "Sampling". */
class MmactionPitfallsTest {

    @Test
    void numpyArithmeticHelpers() {
        assertThat(Math.floorDiv(-1, 4)).isEqualTo(-1); // Python's -1 // 4; plain / gives 0
        assertThat(NumpyMath.around(2.5)).isEqualTo(2.0); // np.around: half to even
        assertThat(NumpyMath.around(3.5)).isEqualTo(4.0);
        assertThat(NumpyMath.around(0.5)).isEqualTo(0.0);
        assertThat(NumpyMath.mod(-1.0, 5)).isEqualTo(4.0);
        assertThat(NumpyMath.mod(7.5, 5)).isEqualTo(2.5);
        // np.linspace(0, 7, 7, dtype=int): 3.5 floors to 3, the end point is exact.
        assertThat(NumpyMath.linspaceFloored(7, 7)).containsExactly(0, 1, 2, 3, 4, 5, 7);
        assertThat(NumpyMath.linspaceFloored(7, 1)).containsExactly(0);
    }

    @Test
    void shortTrainVideoTakesTheZerosBranchThroughFloorDivision() {
        // (6 - 8 + 1) // 4 == -1: all clips start at 0. Truncating division would give 0 and the
        // around() branch, whose last clip would start at round(-0.75) = -1 -> frame 5.
        FrameSelection selection = sampleFrames(8, 1, 4, false, false, "loop").sample(
                SamplingRequest.of(6, 30), ScriptedRandom.none());
        assertThat(selection.indices()).containsExactly(
                0, 1, 2, 3, 4, 5, 0, 1, 0, 1, 2, 3, 4, 5, 0, 1, 0, 1, 2, 3, 4, 5, 0, 1,
                0, 1, 2, 3, 4, 5, 0, 1);
    }

    @Test
    void threeDimensionalTestOffsetsRoundHalfToEven() {
        // max_offset 5 over 2 segments: 0, 2.5 -> 2 (Math.round would say 3), 5.
        FrameSelection selection = sampleFrames(6, 1, 3, true, false, "loop").sample(
                SamplingRequest.of(11, 30), ScriptedRandom.none());
        assertThat(selection.indices()).startsWith(0, 1, 2, 3, 4, 5, 2, 3).endsWith(5, 6, 7, 8, 9, 10);
    }

    @Test
    void twoDimensionalTestOffsetsAreTruncatedOnlyAtTheEnd() {
        // Segments of 2.5 frames: centres 1.25, 3.75, 6.25, 8.75.
        assertThat(sampleFrames(1, 1, 4, true, false, "loop")
                .sample(SamplingRequest.of(10, 30), ScriptedRandom.none()).indices())
                .containsExactly(1, 3, 6, 8);
    }

    @Test
    void clipLengthDependsOnTheMode() {
        // 4 frames 5 apart: train counts 20 frames (one start, randint(1)), test counts 16.
        ScriptedRandom random = ScriptedRandom.withInts(0);
        assertThat(sampleFrames(4, 5, 1, false, false, "loop").sample(SamplingRequest.of(20, 30), random)
                .indices()).containsExactly(0, 5, 10, 15);
        assertThat(random.bounds()).containsExactly(1);
        assertThat(sampleFrames(4, 5, 1, true, false, "loop").sample(SamplingRequest.of(20, 30),
                ScriptedRandom.none()).indices()).containsExactly(2, 7, 12, 17);
    }

    @Test
    void outOfBoundHandlingComesBeforeTheStartIndex() {
        SamplingRequest rawFrames = new SamplingRequest(5, 30, 1, OptionalInt.empty());
        assertThat(sampleFrames(8, 1, 1, false, false, "repeat_last").sample(rawFrames, ScriptedRandom.none())
                .indices()).containsExactly(1, 2, 3, 4, 5, 5, 5, 5);
        assertThat(sampleFrames(8, 1, 1, false, false, "loop").sample(rawFrames, ScriptedRandom.none())
                .indices()).containsExactly(1, 2, 3, 4, 5, 1, 2, 3);
    }

    @Test
    void aVideoTooShortForTheClipIsRefusedWhenAskedRatherThanLoopedOrPadded() {
        // A flow stack of L = 10 needs 11 frames; a 5-frame video looped would give the flow from its last frame
        // to its first.
        SamplingRequest shortVideo = SamplingRequest.of(5, 30);
        assertThatThrownBy(() -> sampleFrames(11, 1, 1, true, false, "error").sample(shortVideo,
                ScriptedRandom.none())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample_frames: the video has 5 frames")
                .hasMessageContaining("clip 1 of 11 frames every 1 needs frame 5")
                .hasMessageContaining("repeat_last pads");
        assertThat(sampleFrames(4, 1, 1, true, false, "error").sample(shortVideo, ScriptedRandom.none())
                .indices()).as("a clip that fits").containsExactly(0, 1, 2, 3);
        assertThat(sampleFrames(11, 1, 1, true, false, "repeat_last").sample(shortVideo, ScriptedRandom.none())
                .indices()).as("padding: the last frame again, zero flow").containsExactly(0, 1, 2, 3, 4, 4, 4, 4, 4,
                        4, 4);
    }

    @Test
    void keepTailFramesTruncatesFloatOffsets() {
        // Segment (50 - 8 + 1) / 3 = 14.33; half of it drawn: 7.17, 21.5, 35.83 -> 7, 21, 35.
        FrameSelection selection = new SampleFramesSampler(
                new SampleFramesConfig(4, 2, 3, false, false, false, "loop", true))
                .sample(SamplingRequest.of(50, 30), ScriptedRandom.withDoubles(0.5, 0.5, 0.5));
        assertThat(selection.indices()).containsExactly(7, 9, 11, 13, 21, 23, 25, 27, 35, 37, 39, 41);
    }

    @Test
    void twiceSampleReportsTheClipsActuallySampled() {
        FrameSelection selection = new SampleFramesSampler(
                new SampleFramesConfig(1, 1, 3, true, false, true, "loop", false))
                .sample(SamplingRequest.of(25, 30), ScriptedRandom.none());
        // MMAction2 writes num_clips = 3 but returns 6 indices; a FrameSelection must count them all.
        assertThat(selection.numClips()).isEqualTo(6);
        assertThat(selection.indices()).containsExactly(4, 12, 20, 0, 8, 16);
    }

    @Test
    void avaAddsTheStartIndexTwiceAndDrawsSkipsEvenInTestMode() {
        ScriptedRandom random = ScriptedRandom.withInts(0, 0, 0, 0);
        FrameSelection selection = new SampleAvaFramesSampler(new SampleAvaFramesConfig(4, 2, true))
                .sample(new SamplingRequest(100, 30, 1, OptionalInt.of(50)), random);
        // centre 50 + 1; frames 47, 49, 51, 53; + 1 again.
        assertThat(selection.indices()).containsExactly(48, 50, 52, 54);
        assertThat(random.bounds()).containsExactly(2, 2, 2, 2);
    }

    @Test
    void avaSkipLowerBoundFloors() {
        // randint((-1) // 2, 1) = randint(-1, 1): a scripted 0 is a skip of -1.
        ScriptedRandom random = ScriptedRandom.withInts(0);
        FrameSelection selection = new SampleAvaFramesSampler(new SampleAvaFramesConfig(1, 1, false))
                .sample(new SamplingRequest(100, 30, 0, OptionalInt.of(10)), random);
        assertThat(selection.indices()).containsExactly(9);
        assertThat(random.bounds()).containsExactly(2);
    }

    @Test
    void avaNeedsAKeyframe() {
        assertThatThrownBy(() -> new SampleAvaFramesSampler(SampleAvaFramesConfig.DEFAULTS)
                .sample(SamplingRequest.of(100, 30), ScriptedRandom.withInts(new int[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyframeIndex");
    }

    @Test
    void denseTrainDrawsWithAnExclusiveUpperEnd() {
        // 100 frames, range 64: 37 positions, randint(0, 36) never picks the last one.
        ScriptedRandom random = ScriptedRandom.withInts(35);
        FrameSelection selection = new DenseSampleFramesSampler(
                new DenseSampleFramesConfig(2, 1, 1, 64, 10, false, false, "loop"))
                .sample(SamplingRequest.of(100, 30), random);
        assertThat(random.bounds()).containsExactly(36);
        assertThat(selection.indices()).containsExactly(35, 36);
    }

    @Test
    void emptyVideosAndVideosWithoutAnUntrimmedCentreAreErrors() {
        assertThatThrownBy(() -> new SampleFramesSampler(SampleFramesConfig.DEFAULTS)
                .sample(SamplingRequest.of(0, 30), ScriptedRandom.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no frames");
        assertThatThrownBy(() -> new UntrimmedSampleFramesSampler(UntrimmedSampleFramesConfig.DEFAULTS)
                .sample(SamplingRequest.of(8, 30), ScriptedRandom.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no clip centre");
    }

    private static SampleFramesSampler sampleFrames(int clipLen, int frameInterval, int numClips, boolean testMode,
                                                    boolean twiceSample, String outOfBound) {
        return new SampleFramesSampler(new SampleFramesConfig(clipLen, frameInterval, numClips, testMode, false,
                twiceSample, outOfBound, false));
    }
}
