package io.action4j.localization.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TiouThresholdsTest {

    @Test
    void aRangeIsComputedAsNumpyLinspace() {
        assertThat(TiouThresholds.parse("0.5:0.05:0.95")).containsExactly(
                0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95);
        assertThat(TiouThresholds.parse("0.5:0.05:0.95")).isEqualTo(TiouThresholds.activityNet());
        assertThat(TiouThresholds.parse(" 0.3:0.1:0.7")).isEqualTo(TiouThresholds.thumos())
                .containsExactly(0.3, 0.39999999999999997, 0.5, 0.6, 0.7); // numpy 1.24 prints these
    }

    @Test
    void aListKeepsItsValuesExactly() {
        assertThat(TiouThresholds.parse("0.9,0.5, 0.75")).containsExactly(0.9, 0.5, 0.75);
        assertThat(TiouThresholds.parse("0.5")).containsExactly(0.5);
    }

    @Test
    void badTextIsNamed() {
        assertThatThrownBy(() -> TiouThresholds.parse("0.5:0.95")).hasMessageContaining("start:step:stop");
        assertThatThrownBy(() -> TiouThresholds.parse("0.5,x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> TiouThresholds.parse("0.5:0.07:0.95")).hasMessageContaining("does not divide");
        assertThatThrownBy(() -> TiouThresholds.parse("0.5:0:0.95")).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> TiouThresholds.parse("0,0.5")).hasMessageContaining("0.0 is not in (0, 1]");
    }
}
