package io.action4j.plugins.transforms;

import io.action4j.api.transform.FormatShapeConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every config record: MMAction2's defaults, and a bad value reported under its key. */
class ConfigTest {

    private static void rejects(String key, ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(ConfigValueException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void resize() {
        assertThat(ResizeConfig.DEFAULTS).isEqualTo(new ResizeConfig(List.of(-1, 256), true, "bilinear"));
        rejects("scale", () -> new ResizeConfig(List.of(-1, 256), false, "bilinear"));
        rejects("scale", () -> new ResizeConfig(List.of(256), true, "bilinear"));
        rejects("interpolation", () -> new ResizeConfig(List.of(224, 224), false, "linear"));
    }

    @Test
    void randomResizedCrop() {
        assertThat(RandomResizedCropConfig.DEFAULTS.areaRange()).containsExactly(0.08, 1.0);
        assertThat(RandomResizedCropConfig.DEFAULTS.aspectRatioRange()).containsExactly(3.0 / 4, 4.0 / 3);
        rejects("areaRange", () -> new RandomResizedCropConfig(List.of(0.5, 1.5), List.of(1.0, 1.0)));
        rejects("aspectRatioRange", () -> new RandomResizedCropConfig(List.of(0.5, 1.0), List.of(2.0, 1.0)));
    }

    @Test
    void multiScaleCrop() {
        assertThat(MultiScaleCropConfig.DEFAULTS).isEqualTo(new MultiScaleCropConfig(List.of(224, 224), List.of(1.0), 1, false, 5));
        rejects("numFixedCrops", () -> new MultiScaleCropConfig(List.of(224), List.of(1.0), 1, false, 4));
        rejects("scales", () -> new MultiScaleCropConfig(List.of(224), List.of(), 1, false, 5));
        rejects("inputSize", () -> new MultiScaleCropConfig(List.of(0), List.of(1.0), 1, false, 5));
        rejects("maxWhScaleGap", () -> new MultiScaleCropConfig(List.of(224), List.of(1.0), -1, false, 5));
    }

    @Test
    void fixedCrops() {
        assertThat(CenterCropConfig.DEFAULTS.cropSize()).containsExactly(224, 224);
        assertThat(ThreeCropConfig.DEFAULTS.cropSize()).containsExactly(224, 224);
        assertThat(TenCropConfig.DEFAULTS.cropSize()).containsExactly(224, 224);
        rejects("cropSize", () -> new CenterCropConfig(List.of(224, 224, 3)));
        rejects("cropSize", () -> new ThreeCropConfig(List.of(-1)));
        rejects("cropSize", () -> new TenCropConfig(null));
    }

    @Test
    void flip() {
        assertThat(FlipConfig.DEFAULTS).isEqualTo(new FlipConfig(0.5, "horizontal", "rgb"));
        rejects("flipRatio", () -> new FlipConfig(1.5, "horizontal", "rgb"));
        rejects("direction", () -> new FlipConfig(0.5, "diagonal", "rgb"));
        rejects("direction", () -> new FlipConfig(0.5, "vertical", "flow"));
        rejects("modality", () -> new FlipConfig(0.5, "horizontal", "Flow"));
        rejects("modality", () -> new FlipConfig(0.5, "horizontal", null));
    }

    @Test
    void colorJitter() {
        ColorJitterConfig defaults = ColorJitterConfig.DEFAULTS;
        assertThat(defaults.brightness()).containsExactly(0.5, 1.5);
        assertThat(defaults.contrast()).containsExactly(0.5, 1.5);
        assertThat(defaults.saturation()).containsExactly(0.5, 1.5);
        assertThat(defaults.hue().get(0)).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(defaults.hue().get(1)).isEqualTo(0.1);
        assertThat(defaults.order()).isNull();
        rejects("brightness", () -> new ColorJitterConfig(List.of(1.5), List.of(0.5), List.of(0.5), List.of(0.1), null));
        rejects("hue", () -> new ColorJitterConfig(List.of(0.5), List.of(0.5), List.of(0.5), List.of(0.6), null));
        rejects("contrast", () -> new ColorJitterConfig(List.of(0.5), List.of(0.5, 2.5), List.of(0.5), List.of(0.1), null));
        rejects("order", () -> new ColorJitterConfig(List.of(0.5), List.of(0.5), List.of(0.5), List.of(0.1), List.of(0, 0, 1, 2)));
    }

    @Test
    void normalize() {
        assertThat(NormalizeConfig.DEFAULTS.mean()).containsExactly(123.675, 116.28, 103.53);
        assertThat(NormalizeConfig.DEFAULTS.std()).containsExactly(58.395, 57.12, 57.375);
        assertThat(NormalizeConfig.DEFAULTS.toRgb()).isFalse();
        rejects("std", () -> new NormalizeConfig(List.of(1.0, 2.0, 3.0), List.of(1.0, 0.0, 1.0), false));
        rejects("std", () -> new NormalizeConfig(List.of(1.0, 2.0, 3.0), List.of(1.0), false));
        rejects("toRgb", () -> new NormalizeConfig(List.of(128.0, 128.0), List.of(128.0, 128.0), true));
    }

    @Test
    void formatShape() {
        assertThat(FormatShapeConfig.DEFAULTS).isEqualTo(new FormatShapeConfig("NCTHW", false, "rgb"));
        rejects("inputFormat", () -> new FormatShapeConfig("NTHWC", false, "rgb"));
        rejects("modality", () -> new FormatShapeConfig("NCHW", false, "depth"));
    }
}
