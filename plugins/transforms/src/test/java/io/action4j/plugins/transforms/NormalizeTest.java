package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void subtractsMeanAndDividesByStdInFloat32() {
        Image frame = new Image(1, 1, 3, new float[] {255, 0, 128});
        Image normalized = new NormalizeTransform(NormalizeConfig.DEFAULTS).normalize(frame);
        assertThat(normalized.pixels()).containsExactly(
                (255f - 123.675f) / 58.395f, (0f - 116.28f) / 57.12f, (128f - 103.53f) / 57.375f);
    }

    @Test
    void toRgbReversesChannelsBeforeNormalizing() {
        NormalizeConfig config = new NormalizeConfig(List.of(1.0, 2.0, 3.0), List.of(1.0, 1.0, 1.0), true);
        Image normalized = new NormalizeTransform(config).normalize(new Image(1, 1, 3, new float[] {10, 20, 30}));
        assertThat(normalized.pixels()).containsExactly(29, 18, 7);
    }

    @Test
    void flowUsesTwoChannels() {
        NormalizeConfig config = new NormalizeConfig(List.of(128.0, 128.0), List.of(128.0, 128.0), false);
        Image normalized = new NormalizeTransform(config).normalize(new Image(1, 1, 2, new float[] {0, 255}));
        assertThat(normalized.pixels()).containsExactly(-1f, 127f / 128f);
        assertThatThrownBy(() -> new NormalizeTransform(config).normalize(new Image(1, 1, 3, new float[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
