package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColorJitterTest {

    private static final List<Integer> IN_ORDER = List.of(0, 1, 2, 3);

    private static ColorJitterConfig fixed(double brightness, double contrast, double saturation, double hue) {
        return new ColorJitterConfig(List.of(brightness, brightness), List.of(contrast, contrast),
                List.of(saturation, saturation), List.of(hue, hue), IN_ORDER);
    }

    private static Image apply(ColorJitterConfig config, Image frame) {
        return new ColorJitterTransform(config).apply(TestClips.single(frame), new ScriptedRandom().thenDoubles(0.5, 0.5, 0.5, 0.5))
                .frames().get(0);
    }

    @Test
    void brightnessScalesThenClipsAndTruncatesToUint8() {
        Image frame = new Image(2, 1, 3, new float[] {100, 101, 0, 200, 3, 255});
        // 1.5 * [100, 101, 0, 200, 3, 255] = 150, 151.5 -> 151, 0, 300 -> 255, 4.5 -> 4, 255
        assertThat(apply(fixed(1.5, 1, 1, 0), frame).pixels()).containsExactly(150, 151, 0, 255, 4, 255);
    }

    @Test
    void saturationZeroGivesTheGrayValue() {
        Image frame = new Image(1, 1, 3, new float[] {100, 150, 200});
        // 0.2989 * 100 + 0.587 * 150 + 0.114 * 200 = 140.74 -> 140
        assertThat(apply(fixed(1, 1, 0, 0), frame).pixels()).containsExactly(140, 140, 140);
    }

    @Test
    void contrastBlendsWithTheMeanGray() {
        Image frame = new Image(2, 1, 3, new float[] {0, 0, 0, 200, 200, 200});
        // grays 0 and 199.98, mean 99.99; 0.5 * x + 0.5 * 99.99 -> 49.995 -> 49, 149.995 -> 149
        assertThat(apply(fixed(1, 0.5, 1, 0), frame).pixels()).containsExactly(49, 49, 49, 149, 149, 149);
    }

    @Test
    void hueShiftsOpenCvHueInUint8() {
        Image red = new Image(1, 1, 3, new float[] {255, 0, 0});
        // int(0.118 * 255) = 30: H 0 -> 30 (60 degrees) = yellow; -30 -> 150 (300 degrees) = magenta
        assertThat(apply(fixed(1, 1, 1, 0.118), red).pixels()).containsExactly(255, 255, 0);
        assertThat(apply(fixed(1, 1, 1, -0.118), red).pixels()).containsExactly(255, 0, 255);
    }

    @Test
    void hueWrapsLikeNumpyOneUint8() {
        assertThat(ColorJitterTransform.shiftHue(170, 20)).isEqualTo(10);
        assertThat(ColorJitterTransform.shiftHue(5, -20)).isEqualTo(165);
        // uint8 wraps at 256 before the modulo: (179 + 127) & 255 = 50
        assertThat(ColorJitterTransform.shiftHue(179, 127)).isEqualTo(50);
    }

    @Test
    void drawsThePermutationThenFourFactorsOnEveryCall() {
        ColorJitterTransform transform = new ColorJitterTransform(ColorJitterConfig.DEFAULTS);
        Clip clip = new Clip(List.of(TestClips.filled(2, 2, 10, 20, 30), TestClips.filled(2, 2, 40, 50, 60)), 2, 1, 1,
                List.of(new Box(0, 0, 1, 1)));

        for (int call = 0; call < 2; call++) {
            ScriptedRandom random = new ScriptedRandom().thenInts(0, 0, 0).thenDoubles(0.5, 0.5, 0.5, 0.5);
            Clip jittered = transform.apply(clip, random);
            assertThat(random.intBounds).containsExactly(4, 3, 2);
            assertThat(random.remaining()).isZero();
            // u = 0.5 everywhere: brightness 1, contrast 1, saturation 1, hue 0 -> unchanged
            assertThat(jittered.frames().get(1).pixels()).containsExactly(clip.frames().get(1).pixels());
            assertThat(jittered.boxes()).isEqualTo(clip.boxes());
        }
        // Fisher-Yates with j = 0 each time: [0,1,2,3] -> [3,1,2,0] -> [2,1,3,0] -> [1,2,3,0]
        assertThat(transform.order(new ScriptedRandom().thenInts(0, 0, 0))).containsExactly(1, 2, 3, 0);
    }

    @Test
    void aConfiguredOrderDrawsNoPermutation() {
        ScriptedRandom random = new ScriptedRandom().thenDoubles(0.5, 0.5, 0.5, 0.5);
        new ColorJitterTransform(fixed(1, 1, 1, 0)).apply(TestClips.single(TestClips.filled(1, 1, 1, 2, 3)), random);
        assertThat(random.remaining()).isZero();
    }

    @Test
    void oneFactorSetForAllFrames() {
        ColorJitterConfig config = new ColorJitterConfig(List.of(0.5), List.of(0.0), List.of(0.0), List.of(0.0), IN_ORDER);
        Clip clip = new Clip(List.of(TestClips.filled(1, 1, 100, 100, 100), TestClips.filled(1, 1, 10, 10, 10)), 1, 2, 1,
                List.of());
        // brightness = 0.5 + 1.0 * 0.75 = 1.25 for both frames
        Clip jittered = new ColorJitterTransform(config).apply(clip, new ScriptedRandom().thenDoubles(0.75, 0.1, 0.1, 0.1));
        assertThat(jittered.frames().get(0).pixels()).containsExactly(125, 125, 125);
        assertThat(jittered.frames().get(1).pixels()).containsExactly(12, 12, 12);
    }
}
