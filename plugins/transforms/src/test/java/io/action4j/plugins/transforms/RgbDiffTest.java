package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RgbDiffTest {

    /** A 1x2 frame whose channels are {@code base + c} at x = 0 and {@code 2 * base + c} at x = 1. */
    private static Image frame(float base) {
        return new Image(2, 1, 3, new float[] {base, base + 1, base + 2, 2 * base, 2 * base + 1, 2 * base + 2});
    }

    /** Two crops of two clips of three frames; frame i (crop, clip, time order) has base i * i. */
    private static Clip clip() {
        List<Image> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(frame(i * i));
        }
        return new Clip(frames, 3, 2, 2, List.of(new Box(0, 0, 1, 1)));
    }

    @Test
    void eachClipLosesAFrameAndGainsItsDifferences() {
        Clip diff = new RgbDiffTransform(RgbDiffConfig.DEFAULTS).apply(clip(), new Random(0));

        assertThat(diff.clipLen()).isEqualTo(2);
        assertThat(diff.numClips()).isEqualTo(2);
        assertThat(diff.numCrops()).isEqualTo(2);
        assertThat(diff.frames()).hasSize(8);
        assertThat(diff.boxes()).containsExactly(new Box(0, 0, 1, 1));
        // Clip 1 of crop 0 is frames 3, 4, 5: differences 16 - 9 and 25 - 16 (doubled at x = 1).
        assertThat(diff.frames().get(2).pixels()).containsExactly(7, 7, 7, 14, 14, 14);
        assertThat(diff.frames().get(3).pixels()).containsExactly(9, 9, 9, 18, 18, 18);
        // No difference crosses clips: frame 2 -> 3 (4 -> 9) is never taken.
        assertThat(diff.frames().get(1).pixels()).containsExactly(3, 3, 3, 6, 6, 6);
    }

    @Test
    void keepRgbPutsTheFrameBeforeItsDifference() {
        Clip both = new RgbDiffTransform(new RgbDiffConfig(true)).apply(clip(), new Random(0));

        assertThat(both.frames()).hasSize(8);
        assertThat(both.frames().get(0).channels()).isEqualTo(6);
        // Frame 0 (base 0) then 1 - 0.
        assertThat(both.frames().get(0).pixels()).containsExactly(0, 1, 2, 1, 1, 1, 0, 1, 2, 2, 2, 2);
    }

    @Test
    void aClipOfOneFrameHasNoDifference() {
        Clip single = new Clip(List.of(frame(1)), 1, 1, 1, List.of());

        assertThatThrownBy(() -> new RgbDiffTransform(RgbDiffConfig.DEFAULTS).apply(single, new Random(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clipLen");
    }
}
