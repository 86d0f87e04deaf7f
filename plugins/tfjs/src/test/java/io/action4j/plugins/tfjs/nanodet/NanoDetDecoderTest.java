package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head's decoding on hand-made outputs whose boxes can be worked out on paper. */
class NanoDetDecoderTest {

    /** A 64x64 input: stride 32 gives a 2x2 grid. */
    private final NanoDetDecoder decoder = new NanoDetDecoder(64);

    @Test
    void oneHotDistributionsGiveWholeBinDistancesFromTheCellCentre() {
        float[] scores = new float[4 * 80];
        float[] logits = filled(4 * 44, -100f);
        // Cell 3 = row 1, column 1: centre (48, 48). Left 1 bin, top 0, right 0.5 (two equal bins 0 and 1), bottom 2.
        scores[3 * 80] = 0.9f;
        logits[3 * 44 + 1] = 0f;
        logits[3 * 44 + 11] = 0f;
        logits[3 * 44 + 22] = 0f;
        logits[3 * 44 + 23] = 0f;
        logits[3 * 44 + 33 + 2] = 0f;

        List<Detection> found = decoder.decode(32, scores, logits, 0, 0.5);

        assertThat(found).hasSize(1);
        Detection box = found.get(0);
        assertThat(box.score()).isEqualTo(0.9f);
        assertThat(box.x1()).isCloseTo((48 - 32) / 64f, within(1e-6f));
        assertThat(box.y1()).isCloseTo(48 / 64f, within(1e-6f));
        assertThat(box.x2()).isCloseTo((48 + 16) / 64f, within(1e-6f));
        // 48 + 64 leaves the input: clipped to its edge.
        assertThat(box.y2()).isEqualTo(1f);
    }

    @Test
    void onlyTheAskedClassAboveTheThresholdCounts() {
        float[] scores = new float[4 * 80];
        scores[0] = 0.35f;
        scores[80] = 0.36f;
        scores[2 * 80 + 1] = 0.99f;

        List<Detection> found = decoder.decode(32, scores, new float[4 * 44], 0, 0.35);

        assertThat(found).extracting(Detection::score).containsExactly(0.36f);
        // Uniform logits: every side at the mean bin, 5 x 32 = 160 pixels, so the box is the whole input.
        assertThat(found.get(0)).isEqualTo(new Detection(0f, 0f, 1f, 1f, 0.36f));
    }

    @Test
    void outputsOfTheWrongSizeAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(16, new float[4 * 80],
                        new float[4 * 44], 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride 16: expected 16 cells");
    }

    private static float[] filled(int size, float value) {
        float[] values = new float[size];
        Arrays.fill(values, value);
        return values;
    }
}
