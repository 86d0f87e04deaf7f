package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlipTest {

    private static FlipTransform flip(double ratio, String direction, String modality) {
        return new FlipTransform(new FlipConfig(ratio, direction, modality));
    }

    @Test
    void mirrorsFramesAndBoxesWithTheFullWidth() {
        Clip clip = TestClips.single(TestClips.coordinates(320, 240), new Box(10, 20, 100, 200), new Box(0, 0, 319, 239));
        Clip flipped = flip(0.5, "horizontal", "rgb").apply(clip, new ScriptedRandom().thenDoubles(0.49));

        assertThat(TestClips.origin(flipped.frames().get(0))).containsExactly(319, 0);
        assertThat(TestClips.at(flipped.frames().get(0), 319, 5)).isEqualTo(5000);
        // x1' = W - x2, x2' = W - x1 with W = 320 (not 319)
        assertThat(flipped.boxes()).containsExactly(new Box(220, 20, 310, 200), new Box(1, 0, 320, 239));
    }

    @Test
    void drawsExactlyOnceEvenWithRatioZeroOrOne() {
        Clip clip = TestClips.single(TestClips.coordinates(4, 2));
        ScriptedRandom never = new ScriptedRandom().thenDoubles(0.0);
        assertThat(flip(0, "horizontal", "rgb").apply(clip, never)).isSameAs(clip);
        assertThat(never.remaining()).isZero();

        ScriptedRandom always = new ScriptedRandom().thenDoubles(0.999);
        assertThat(TestClips.origin(flip(1, "horizontal", "rgb").apply(clip, always).frames().get(0))).containsExactly(3, 0);
        assertThat(always.remaining()).isZero();

        // rand() < ratio: a draw equal to the ratio does not flip
        assertThat(flip(0.5, "horizontal", "rgb").apply(clip, new ScriptedRandom().thenDoubles(0.5))).isSameAs(clip);
    }

    @Test
    void verticalFlipMirrorsRows() {
        Clip flipped = flip(1, "vertical", "rgb").apply(TestClips.single(TestClips.coordinates(4, 3)),
                new ScriptedRandom().thenDoubles(0.1));
        assertThat(TestClips.origin(flipped.frames().get(0))).containsExactly(0, 2);
    }

    @Test
    void verticalFlipRefusesBoxesAsMmaction2Does() {
        Clip clip = TestClips.single(TestClips.coordinates(4, 3), new Box(0, 0, 1, 1));
        assertThatThrownBy(() -> flip(1, "vertical", "rgb").apply(clip, new ScriptedRandom().thenDoubles(0.1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flowFlipInvertsTheXChannelOfTwoChannelFrames() {
        Image flow = new Image(2, 1, 2, new float[] {10, 20, 30, 40});
        Clip flipped = flip(1, "horizontal", "flow").apply(TestClips.single(flow), new ScriptedRandom().thenDoubles(0.3));
        // mirrored: (30, 40), (10, 20); then x -> 255 - x
        assertThat(flipped.frames().get(0).pixels()).containsExactly(225, 40, 245, 20);
    }

    @Test
    void flowFlipInvertsEveryEvenFrameOfSingleChannelFrames() {
        // MMAction2's flow list alternates x, y, x, y
        List<Image> frames = List.of(TestClips.filled(2, 1, 10), TestClips.filled(2, 1, 20),
                TestClips.filled(2, 1, 30), TestClips.filled(2, 1, 40));
        Clip flipped = flip(1, "horizontal", "flow").apply(new Clip(frames, 4, 1, 1, List.of()),
                new ScriptedRandom().thenDoubles(0.3));
        assertThat(flipped.frames()).extracting(frame -> frame.pixels()[0]).containsExactly(245f, 20f, 225f, 40f);
    }

    @Test
    void rgbFlipDoesNotInvert() {
        Image rgb = new Image(1, 1, 3, new float[] {10, 20, 30});
        Clip flipped = flip(1, "horizontal", "rgb").apply(TestClips.single(rgb), new ScriptedRandom().thenDoubles(0.3));
        assertThat(flipped.frames().get(0).pixels()).containsExactly(10, 20, 30);
    }
}
