package io.action4j.api.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FormatShape on frames whose every value encodes (crop, clip, t, channel, pixel). */
class ClipFormatterTest {

    private static final int CROPS = 2;
    private static final int CLIPS = 3;
    private static final int LEN = 4;
    private static final int C = 3;
    private static final int H = 2;
    private static final int W = 3;

    private static float code(int crop, int clip, int t, int c, int pixel) {
        return crop * 10000 + clip * 1000 + t * 100 + c * 10 + pixel;
    }

    /** Frames in the API's order: crop, then clip, then time. */
    private static Clip encodedClip(int channels) {
        List<Image> frames = new ArrayList<>();
        for (int crop = 0; crop < CROPS; crop++) {
            for (int clip = 0; clip < CLIPS; clip++) {
                for (int t = 0; t < LEN; t++) {
                    float[] pixels = new float[H * W * channels];
                    for (int p = 0; p < H * W; p++) {
                        for (int c = 0; c < channels; c++) {
                            pixels[p * channels + c] = code(crop, clip, t, c, p);
                        }
                    }
                    frames.add(new Image(W, H, channels, pixels));
                }
            }
        }
        return new Clip(frames, LEN, CLIPS, CROPS, List.of());
    }

    @Test
    void ncthwViewIsCropTimesNumClipsPlusClipAndChannelsPrecedeTime() {
        FormattedClip tensor = new ClipFormatter(FormatShapeConfig.DEFAULTS).format(encodedClip(C));
        assertThat(tensor.shape()).containsExactly(CROPS * CLIPS, C, LEN, H, W);
        int index = 0;
        for (int m = 0; m < CROPS * CLIPS; m++) {
            for (int c = 0; c < C; c++) {
                for (int t = 0; t < LEN; t++) {
                    for (int p = 0; p < H * W; p++) {
                        assertThat(tensor.values()[index++]).isEqualTo(code(m / CLIPS, m % CLIPS, t, c, p));
                    }
                }
            }
        }
    }

    @Test
    void clipsOnTimeMakesOneViewPerCropWithTheClipsInSequence() {
        FormattedClip tensor = new ClipFormatter(new FormatShapeConfig("NCTHW", false, "rgb", true)).format(encodedClip(C));
        assertThat(tensor.shape()).containsExactly(CROPS, C, CLIPS * LEN, H, W);
        int index = 0;
        for (int crop = 0; crop < CROPS; crop++) {
            for (int c = 0; c < C; c++) {
                for (int t = 0; t < CLIPS * LEN; t++) {
                    for (int p = 0; p < H * W; p++) {
                        assertThat(tensor.values()[index++]).isEqualTo(code(crop, t / LEN, t % LEN, c, p));
                    }
                }
            }
        }
        assertThatThrownBy(() -> new FormatShapeConfig("NCHW", false, "rgb", true))
                .hasMessageContaining("clipsOnTime");
    }

    @Test
    void nchwMakesEveryFrameAView() {
        FormattedClip tensor = new ClipFormatter(new FormatShapeConfig("NCHW", false, "rgb")).format(encodedClip(C));
        assertThat(tensor.shape()).containsExactly(CROPS * CLIPS * LEN, C, H, W);
        // frame 13 = crop 1, clip 0, t 1; channel 2, pixel 4
        int frame = 13;
        assertThat(tensor.values()[((frame * C) + 2) * H * W + 4]).isEqualTo(code(1, 0, 1, 2, 4));
    }

    @Test
    void nchwFlowStacksAClipsFramesAlongChannels() {
        FormattedClip tensor = new ClipFormatter(new FormatShapeConfig("NCHW", false, "flow")).format(encodedClip(2));
        assertThat(tensor.shape()).containsExactly(CROPS * CLIPS, LEN * 2, H, W);
        // view 4 = crop 1, clip 1; stacked channel 5 = t 2, y component
        assertThat(tensor.values()[(4 * LEN * 2 + 5) * H * W + 3]).isEqualTo(code(1, 1, 2, 1, 3));
    }

    @Test
    void collapseDropsASingleView() {
        Clip one = new Clip(List.of(new Image(1, 1, 3, new float[] {1, 2, 3})), 1, 1, 1, List.of());
        FormattedClip tensor = new ClipFormatter(new FormatShapeConfig("NCTHW", true, "rgb")).format(one);
        assertThat(tensor.shape()).containsExactly(3, 1, 1, 1);
        assertThat(tensor.values()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new ClipFormatter(new FormatShapeConfig("NCTHW", true, "rgb")).format(encodedClip(C)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
