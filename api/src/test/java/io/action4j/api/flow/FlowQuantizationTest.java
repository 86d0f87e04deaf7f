package io.action4j.api.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.video.VideoFrame;
import org.junit.jupiter.api.Test;

class FlowQuantizationTest {

    @Test
    void noMotionIsStoredAs128AndTheBoundsAsTheEnds() {
        assertThat(FlowQuantization.level(0f, 20)).isEqualTo(128);
        assertThat(FlowQuantization.level(20f, 20)).isEqualTo(255);
        assertThat(FlowQuantization.level(-20f, 20)).isEqualTo(0);
        assertThat(FlowQuantization.level(35.5f, 20)).isEqualTo(255);
        assertThat(FlowQuantization.level(-1e9f, 20)).isEqualTo(0);
        assertThat(FlowQuantization.level(Float.POSITIVE_INFINITY, 20)).isEqualTo(255);
    }

    @Test
    void halvesRoundToEvenAsCvRoundDoes() {
        // With a bound of 127.5 a level is v + 127.5 exactly: the halves are where the rounding rules part.
        assertThat(FlowQuantization.level(0f, 127.5)).isEqualTo(128);    // 127.5: floor gives 127
        assertThat(FlowQuantization.level(1f, 127.5)).isEqualTo(128);    // 128.5: Math.round gives 129
        assertThat(FlowQuantization.level(2f, 127.5)).isEqualTo(130);    // 129.5: to the even 130
        assertThat(FlowQuantization.level(-1f, 127.5)).isEqualTo(126);   // 126.5
        assertThat(FlowQuantization.level(1.25f, 127.5)).isEqualTo(129);
    }

    @Test
    void readingBackMakes128ZeroAndMovesAValueByAtMostOneStep() {
        double bound = 20;
        double step = 2 * bound / 255;
        assertThat(FlowQuantization.displacement(128, bound)).isZero();
        assertThat(FlowQuantization.displacement(255, bound)).isCloseTo((float) (127 * step), within(1e-5f));
        assertThat(FlowQuantization.displacement(0, bound)).isCloseTo((float) (-128 * step), within(1e-5f));
        for (float value = -19.9f; value < 19.9f; value += 0.0137f) {
            float back = FlowQuantization.displacement(FlowQuantization.level(value, bound), bound);
            assertThat((double) back).as("%s read back", value).isBetween(value - step - 1e-5, value + 1e-5);
        }
    }

    @Test
    void levelsAreTheXAndYPlanesAndAFlowFrameReadsBackIntoAField() {
        FlowField field = new FlowField(2, 1, new float[] {0f, 25f, -3f, 0.2f});
        byte[][] levels = FlowQuantization.levels(field, 20);
        assertThat(levels[0]).containsExactly((byte) 128, (byte) 255);
        assertThat(levels[1]).containsExactly((byte) FlowQuantization.level(-3f, 20), (byte) 129);
        // The rawframes reader's flow frames interleave x and y per pixel.
        VideoFrame stored = new VideoFrame(0, 2, 1, 2, new byte[] {levels[0][0], levels[1][0], levels[0][1],
            levels[1][1]});
        FlowField back = FlowQuantization.field(stored, 20);
        assertThat(back.dx(0, 0)).isZero();
        assertThat(back.dx(1, 0)).isCloseTo(127 * 40 / 255f, within(1e-5f));
        assertThat(back.dy(0, 0)).isCloseTo(-3f, within(40 / 255f));
        assertThat(back.dy(1, 0)).isCloseTo(40 / 255f, within(1e-6f));
    }

    @Test
    void badBoundsAndFramesAreRefused() {
        FlowField field = new FlowField(1, 1, new float[2]);
        assertThatThrownBy(() -> FlowQuantization.levels(field, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bound");
        assertThatThrownBy(() -> FlowQuantization.levels(field, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowQuantization.field(new VideoFrame(4, 1, 1, 3, new byte[3]), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 4 has 3 channels");
    }

    private static org.assertj.core.data.Offset<Float> within(float offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
