package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void shortSideKeepsRatioWithIntPlusHalfRounding() {
        // 320x240 * 256/240 = 341.33 x 256 -> int(341.33 + 0.5) = 341
        ResizeGeometry geometry = ResizeGeometry.plan(320, 240, List.of(-1, 256), true);
        assertThat(geometry.width()).isEqualTo(341);
        assertThat(geometry.height()).isEqualTo(256);
        assertThat(geometry.scaleX()).isEqualTo((float) (341 / 320.0));
        assertThat(geometry.scaleY()).isEqualTo((float) (256 / 240.0));
    }

    @Test
    void shortSideOfPortraitFrame() {
        ResizeGeometry geometry = ResizeGeometry.plan(240, 320, List.of(-1, 256), true);
        assertThat(geometry.width()).isEqualTo(256);
        assertThat(geometry.height()).isEqualTo(341);
    }

    @Test
    void keepRatioFitsInsideBothBounds() {
        // min(340/320, 256/240) = 1.0625: 340 x 255
        ResizeGeometry geometry = ResizeGeometry.plan(320, 240, List.of(340, 256), true);
        assertThat(geometry.width()).isEqualTo(340);
        assertThat(geometry.height()).isEqualTo(255);
    }

    @Test
    void withoutKeepRatioTheScaleIsTheSize() {
        ResizeGeometry geometry = ResizeGeometry.plan(171, 128, List.of(112, 112), false);
        assertThat(geometry.width()).isEqualTo(112);
        assertThat(geometry.height()).isEqualTo(112);
        assertThat(geometry.scaleX()).isEqualTo((float) (112 / 171.0));
    }

    @Test
    void resizesFramesAndScalesBoxesInFloat32() {
        Clip clip = new Clip(List.of(TestClips.filled(320, 240, 10, 20, 30), TestClips.filled(320, 240, 40, 50, 60)),
                2, 1, 1, List.of(new Box(10, 20, 100, 200)));
        Clip resized = new ResizeTransform(ResizeConfig.DEFAULTS).apply(clip, new ScriptedRandom());

        assertThat(resized.frames()).allSatisfy(frame -> {
            assertThat(frame.width()).isEqualTo(341);
            assertThat(frame.height()).isEqualTo(256);
            assertThat(frame.channels()).isEqualTo(3);
        });
        assertThat(resized.frames().get(1).pixels()).startsWith(40, 50, 60, 40, 50, 60);
        float sx = (float) (341 / 320.0);
        float sy = (float) (256 / 240.0);
        assertThat(resized.boxes()).containsExactly(new Box(10 * sx, 20 * sy, 100 * sx, 200 * sy));
        // 100 * float32(341 / 320) = 106.56249 in float32 (106.5625 in double).
        assertThat(resized.boxes().get(0).x2()).isEqualTo(106.56249f);
    }

    /**
     * cv2's INTER_LINEAR on uint8 as OpenCV computes it: output pixel centres map to
     * {@code (i + 0.5) * in / out - 0.5}; x is clamped at the borders (weight 1 on the edge pixel),
     * rows are clamped but keep their weights. Weights are 11-bit fixed point (2048 = 1). The
     * horizontal pass sums {@code src * wx}; the vertical pass is the SIMD one:
     * {@code (((h0 >> 4) * b0 >> 16) + ((h1 >> 4) * b1 >> 16) + 2) >> 2}, so an exact .5 between two
     * rows rounds down, while a single row (weight 2048) rounds half up.
     */
    @Test
    void bilinearUpscaleMatchesOpenCvFixedPointArithmetic() {
        int[][] source = {{0, 10}, {20, 30}};
        Image image = new Image(2, 2, 1, new float[] {0, 10, 20, 30});
        Clip resized = new ResizeTransform(new ResizeConfig(List.of(4, 4), false, "bilinear"))
                .apply(TestClips.single(image), new ScriptedRandom());

        // Doubling: x weights per output column (x clamped), y rows and weights per output row.
        int[][] xWeights = {{2048, 0}, {1536, 512}, {512, 1536}, {0, 2048}};
        int[][] yRows = {{0, 0}, {0, 1}, {0, 1}, {1, 1}};
        int[][] yWeights = {{512, 1536}, {1536, 512}, {512, 1536}, {1536, 512}};
        float[] expected = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int h0 = source[yRows[y][0]][0] * xWeights[x][0] + source[yRows[y][0]][1] * xWeights[x][1];
                int h1 = source[yRows[y][1]][0] * xWeights[x][0] + source[yRows[y][1]][1] * xWeights[x][1];
                expected[y * 4 + x] = ((((h0 >> 4) * yWeights[y][0]) >> 16) + (((h1 >> 4) * yWeights[y][1]) >> 16) + 2) >> 2;
            }
        }
        assertThat(resized.frames().get(0).pixels()).containsExactly(expected);
        // Exact bilinear values of row 0 are 0, 2.5, 7.5, 10: cv2 gives 0, 2, 7, 10.
        assertThat(resized.frames().get(0).pixels()).startsWith(0, 2, 7, 10, 5, 7, 12, 15);
    }

    @Test
    void singleRowBilinearRoundsHalfUp() {
        Image row = new Image(2, 1, 1, new float[] {0, 10});
        Clip resized = new ResizeTransform(new ResizeConfig(List.of(4, 1), false, "bilinear"))
                .apply(TestClips.single(row), new ScriptedRandom());
        assertThat(resized.frames().get(0).pixels()).containsExactly(0, 3, 8, 10);
    }

    @Test
    void uint8SemanticsSaturate() {
        // A bicubic overshoot next to a hard edge would leave [0, 255] in float; uint8 saturates it.
        Image edge = TestClips.image(8, 1, (x, y) -> x < 4 ? 0 : 255);
        Clip resized = new ResizeTransform(new ResizeConfig(List.of(16, 1), false, "bicubic"))
                .apply(TestClips.single(edge), new ScriptedRandom());
        for (float v : resized.frames().get(0).pixels()) {
            assertThat(v).isBetween(0f, 255f).isEqualTo((float) Math.rint(v));
        }
        assertThat(resized.frames().get(0).pixels()).contains(0f, 255f);
    }
}
