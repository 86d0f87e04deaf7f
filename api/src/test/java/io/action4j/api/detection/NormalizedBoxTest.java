package io.action4j.api.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.Box;
import org.junit.jupiter.api.Test;

class NormalizedBoxTest {

    @Test
    void fractionsAndPixelsConvertBothWays() {
        NormalizedBox box = new NormalizedBox(0.25f, 0.5f, 0.75f, 1f);

        Box pixels = box.toPixels(340, 256);

        assertThat(pixels).isEqualTo(new Box(85f, 128f, 255f, 256f));
        assertThat(NormalizedBox.of(pixels, 340, 256)).isEqualTo(box);
    }

    @Test
    void cornersOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new NormalizedBox(0.6f, 0.1f, 0.5f, 0.2f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("box corners out of order: 0.6,0.1 0.5,0.2");
    }
}
