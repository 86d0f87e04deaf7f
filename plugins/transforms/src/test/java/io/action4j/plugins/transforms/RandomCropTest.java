package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RandomResizedCrop and MultiScaleCrop: exact regions for scripted draws, and the draw order. */
class RandomCropTest {

    @Test
    void randomResizedCropDrawsTwentyUniformsThenXThenYInclusive() {
        // aspect u = 0.5 -> log-mid of [3/4, 4/3] -> ratio 1; area share 40000 / 76800 -> 200 x 200
        double share = 40000.0 / 76800.0;
        double areaU = (share - 0.08) / 0.92;
        ScriptedRandom random = new ScriptedRandom()
                .thenDoubles(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
                .thenDoubles(areaU, areaU, areaU, areaU, areaU, areaU, areaU, areaU, areaU, areaU)
                .thenInts(17, 5);
        Clip clip = TestClips.single(TestClips.coordinates(320, 240), new Box(10, 0, 300, 239));

        Clip cropped = new RandomResizedCropTransform(RandomResizedCropConfig.DEFAULTS).apply(clip, random);

        Image frame = cropped.frames().get(0);
        assertThat(frame.width()).isEqualTo(200);
        assertThat(frame.height()).isEqualTo(200);
        assertThat(TestClips.origin(frame)).containsExactly(17, 5);
        // randint(0, 320 - 200) and randint(0, 240 - 200): both ends inclusive
        assertThat(random.intBounds).containsExactly(121, 41);
        assertThat(random.remaining()).isZero();
        assertThat(cropped.boxes()).containsExactly(new Box(0, 0, 199, 199));
    }

    @Test
    void randomResizedCropSkipsCandidatesThatDoNotFit() {
        ScriptedRandom random = new ScriptedRandom()
                .thenDoubles(0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
                .thenDoubles(0.999999999, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
                .thenInts(0, 0);
        // candidate 0: ratio 3/4, area ~76800 -> 240 x 320 (too tall); candidate 1: ratio 1, area 6144 -> 78 x 78
        CropRegion region = new RandomResizedCropTransform(RandomResizedCropConfig.DEFAULTS).cropRegion(320, 240, random);
        assertThat(region).isEqualTo(new CropRegion(0, 0, 78, 78));
        assertThat(random.intBounds).containsExactly(320 - 78 + 1, 240 - 78 + 1);
    }

    @Test
    void randomResizedCropFallsBackToTheCentredShortSideSquare() {
        ScriptedRandom random = new ScriptedRandom()
                .thenDoubles(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
                .thenDoubles(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        RandomResizedCropConfig config = new RandomResizedCropConfig(List.of(1.0, 1.0), List.of(2.0, 3.0));
        CropRegion region = new RandomResizedCropTransform(config).cropRegion(320, 240, random);
        assertThat(region).isEqualTo(new CropRegion(40, 0, 240, 240));
        assertThat(random.remaining()).isZero();
    }

    @Test
    void multiScaleCropListsCandidatesHeightMajorAndSnapsToTheInputSize() {
        MultiScaleCropConfig config = new MultiScaleCropConfig(List.of(224), List.of(1.0, 0.875, 0.75, 0.66), 1, false, 5);
        MultiScaleCropTransform transform = new MultiScaleCropTransform(config);
        // int(256 * s) = 256, 224, 192, 168
        assertThat(transform.candidateSizes(340, 256)).containsExactly(
                new SizePair(256, 256), new SizePair(224, 256),
                new SizePair(256, 224), new SizePair(224, 224), new SizePair(192, 224),
                new SizePair(224, 192), new SizePair(192, 192), new SizePair(168, 192),
                new SizePair(192, 168), new SizePair(168, 168));

        // choice 4 -> (192, 224); fixed offsets with steps (148 // 4, 32 // 4) = (37, 8); choice 4 -> centre
        ScriptedRandom random = new ScriptedRandom().thenInts(4, 4);
        assertThat(transform.cropRegion(340, 256, random)).isEqualTo(new CropRegion(74, 16, 192, 224));
        assertThat(random.intBounds).containsExactly(10, 5);
    }

    @Test
    void multiScaleCropThirteenFixedCropsAndRandomOffsets() {
        MultiScaleCropConfig thirteen = new MultiScaleCropConfig(List.of(224), List.of(1.0, 0.875), 1, false, 13);
        ScriptedRandom random = new ScriptedRandom().thenInts(3, 12);
        // (224, 224) crop; steps (116 // 4, 32 // 4) = (29, 8); offset 12 = lower right quarter (3w, 3h)
        assertThat(new MultiScaleCropTransform(thirteen).cropRegion(340, 256, random))
                .isEqualTo(new CropRegion(87, 24, 224, 224));
        assertThat(random.intBounds).containsExactly(4, 13);

        MultiScaleCropConfig randomCrop = new MultiScaleCropConfig(List.of(224), List.of(0.88), 1, true, 5);
        ScriptedRandom draws = new ScriptedRandom().thenInts(0, 116, 32);
        // int(256 * 0.88) = 225 snaps to 224; x = randint(0, 116) inclusive, then y
        assertThat(new MultiScaleCropTransform(randomCrop).cropRegion(340, 256, draws))
                .isEqualTo(new CropRegion(116, 32, 224, 224));
        assertThat(draws.intBounds).containsExactly(1, 117, 33);
    }

    @Test
    void multiScaleCropMovesBoxes() {
        MultiScaleCropConfig config = new MultiScaleCropConfig(List.of(224), List.of(1.0, 0.875), 1, false, 5);
        Clip clip = TestClips.single(TestClips.coordinates(340, 256), new Box(100, 10, 339, 255));
        Clip cropped = new MultiScaleCropTransform(config).apply(clip, new ScriptedRandom().thenInts(3, 1));
        // (224, 224) at upper right (4 * 29, 0) = (116, 0)
        assertThat(TestClips.origin(cropped.frames().get(0))).containsExactly(116, 0);
        assertThat(cropped.boxes()).containsExactly(new Box(0, 10, 223, 223));
    }
}
