package io.action4j.plugins.transforms;

import io.action4j.api.transform.ClipFormatter;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.transform.FormatShapeConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A training pipeline as MMAction2's TSN/I3D configs build it, run with a seeded generator. */
class PipelineTest {

    private static final List<Transform> TRAIN = List.of(
            new ResizeTransform(ResizeConfig.DEFAULTS),
            new MultiScaleCropTransform(new MultiScaleCropConfig(List.of(224), List.of(1.0, 0.875, 0.75, 0.66), 1, false, 5)),
            new ResizeTransform(new ResizeConfig(List.of(224, 224), false, "bilinear")),
            new FlipTransform(FlipConfig.DEFAULTS),
            new ColorJitterTransform(ColorJitterConfig.DEFAULTS),
            new NormalizeTransform(NormalizeConfig.DEFAULTS));

    private static Clip decodedClip() {
        List<Image> frames = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int shift = t;
            float[] pixels = new float[320 * 240 * 3];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (i / 3 + shift * 7 + (i % 3) * 50) % 256;
            }
            frames.add(new Image(320, 240, 3, pixels));
        }
        return new Clip(frames, 8, 1, 1, List.of(new Box(40, 30, 200, 220)));
    }

    private static FormattedClip run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Clip clip = decodedClip();
        for (Transform transform : TRAIN) {
            clip = transform.apply(clip, random);
        }
        assertThat(clip.boxes()).singleElement().satisfies(box -> {
            assertThat(box.x1()).isBetween(0f, 224f);
            assertThat(box.x2()).isBetween(box.x1(), 224f);
            assertThat(box.y2()).isBetween(box.y1(), 223f);
        });
        return new ClipFormatter(FormatShapeConfig.DEFAULTS).format(clip);
    }

    @Test
    void seededRunsRepeatAndEndInTheModelShape() {
        FormattedClip first = run(7);
        assertThat(first.shape()).containsExactly(1, 3, 8, 224, 224);
        assertThat(run(7)).isEqualTo(first);
        assertThat(run(8)).isNotEqualTo(first);
    }
}
