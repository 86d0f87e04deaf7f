package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CenterCrop, ThreeCrop and TenCrop: exact crop origins, order, and what happens to boxes. */
class FixedCropTest {

    private static final List<Integer> SIZE_224 = List.of(224);

    @Test
    void centerCropOf250x333StartsAtY13() {
        Clip cropped = new CenterCropTransform(new CenterCropConfig(SIZE_224))
                .apply(TestClips.single(TestClips.coordinates(333, 250)), new ScriptedRandom());
        Image frame = cropped.frames().get(0);
        assertThat(frame.width()).isEqualTo(224);
        assertThat(frame.height()).isEqualTo(224);
        // (333 - 224) // 2 = 54, (250 - 224) // 2 = 13
        assertThat(TestClips.origin(frame)).containsExactly(54, 13);
    }

    @Test
    void centerCropShiftsAndClampsBoxesToWidthMinusOne() {
        Clip cropped = new CenterCropTransform(new CenterCropConfig(SIZE_224)).apply(
                TestClips.single(TestClips.coordinates(333, 250), new Box(50, 10, 400, 300), new Box(60.5f, 20, 70, 30)),
                new ScriptedRandom());
        assertThat(cropped.boxes()).containsExactly(new Box(0, 0, 223, 223), new Box(6.5f, 7, 16, 17));
    }

    @Test
    void tenCropOf250x333HasItsCentreAtY12AndInterleavesFlips() {
        Clip clip = TestClips.single(TestClips.coordinates(333, 250), new Box(1, 2, 3, 4));
        Clip cropped = new TenCropTransform(new TenCropConfig(SIZE_224)).apply(clip, new ScriptedRandom());

        assertThat(cropped.numCrops()).isEqualTo(10);
        assertThat(cropped.frames()).hasSize(10);
        // steps: (333 - 224) // 4 = 27, (250 - 224) // 4 = 6; centre (54, 12), not CenterCrop's 13
        int[][] origins = {{0, 0}, {108, 0}, {0, 24}, {108, 24}, {54, 12}};
        for (int view = 0; view < 5; view++) {
            Image plain = cropped.frames().get(2 * view);
            Image flipped = cropped.frames().get(2 * view + 1);
            assertThat(TestClips.origin(plain)).containsExactly(origins[view]);
            // the flipped copy starts with the crop's right-most column
            assertThat(TestClips.origin(flipped)).containsExactly(origins[view][0] + 223, origins[view][1]);
            assertThat(flipped.pixels()).isEqualTo(Frames.flipHorizontal(plain).pixels());
        }
        // MMAction2's TenCrop cannot process boxes: they stay as they were
        assertThat(cropped.boxes()).containsExactly(new Box(1, 2, 3, 4));
    }

    @Test
    void threeCropIsLeftRightMiddleAndTheRightOneStopsOnePixelShort() {
        Clip cropped = new ThreeCropTransform(new ThreeCropConfig(List.of(256)))
                .apply(TestClips.single(TestClips.coordinates(341, 256)), new ScriptedRandom());
        assertThat(cropped.numCrops()).isEqualTo(3);
        // step = (341 - 256) // 2 = 42: left 0, right 84 (ends at 340 of 341), middle 42
        assertThat(cropped.frames()).extracting(TestClips::origin)
                .containsExactly(new int[] {0, 0}, new int[] {84, 0}, new int[] {42, 0});
        Image right = cropped.frames().get(1);
        assertThat(TestClips.at(right, 255, 0)).isEqualTo(339);
    }

    @Test
    void threeCropOfPortraitFrameIsTopBottomMiddle() {
        Clip cropped = new ThreeCropTransform(new ThreeCropConfig(List.of(256)))
                .apply(TestClips.single(TestClips.coordinates(256, 300)), new ScriptedRandom());
        assertThat(cropped.frames()).extracting(TestClips::origin)
                .containsExactly(new int[] {0, 0}, new int[] {0, 44}, new int[] {0, 22});
    }

    @Test
    void threeCropNeedsTheCropToSpanOneSide() {
        ThreeCropTransform transform = new ThreeCropTransform(new ThreeCropConfig(List.of(224)));
        Clip clip = TestClips.single(TestClips.coordinates(341, 256));
        assertThatThrownBy(() -> transform.apply(clip, new ScriptedRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full height or width");
    }

    @Test
    void multiCropPutsTheNewCropOutsideClipsAndTime() {
        // 2 clips of 2 frames; frame value = 100 * clip + 10 * t added to the coordinates
        List<Image> frames = List.of(
                TestClips.image(260, 256, (x, y) -> 1000 * y + x), TestClips.image(260, 256, (x, y) -> 1000 * y + x + 10_000_000),
                TestClips.image(260, 256, (x, y) -> 1000 * y + x + 20_000_000), TestClips.image(260, 256, (x, y) -> 1000 * y + x + 30_000_000));
        Clip clip = new Clip(frames, 2, 2, 1, List.of());
        Clip cropped = new ThreeCropTransform(new ThreeCropConfig(List.of(256))).apply(clip, new ScriptedRandom());

        assertThat(cropped.numCrops()).isEqualTo(3);
        assertThat(cropped.numClips()).isEqualTo(2);
        assertThat(cropped.clipLen()).isEqualTo(2);
        // crop-major: crop 0 (x=0) for frames 0..3, then crop 1 (x=4), then crop 2 (x=2)
        assertThat(cropped.frames()).extracting(frame -> (int) frame.pixels()[0]).containsExactly(
                0, 10_000_000, 20_000_000, 30_000_000,
                4, 10_000_004, 20_000_004, 30_000_004,
                2, 10_000_002, 20_000_002, 30_000_002);
    }
}
