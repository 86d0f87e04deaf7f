package io.action4j.localization.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.ConfigValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalDetectionMapConfigTest {

    @Test
    void defaultsAreNumpysLinspaceFromHalfTo95Hundredths() {
        List<Double> thresholds = new TemporalDetectionMapFactory().defaultConfig().tiouThresholds();

        assertThat(thresholds).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(thresholds.get(i)).isCloseTo(0.5 + 0.05 * i, within(1e-12));
        }
        // Bit for bit what numpy.linspace(0.5, 0.95, 10) gives.
        assertThat(thresholds.get(8)).isEqualTo(0.8999999999999999);
        assertThat(thresholds.get(9)).isEqualTo(0.95);
    }

    @Test
    void thresholdsAreCopied() {
        List<Double> thresholds = new ArrayList<>(List.of(0.5));
        TemporalDetectionMapConfig config = new TemporalDetectionMapConfig(thresholds);
        thresholds.add(0.6);

        assertThat(config.tiouThresholds()).containsExactly(0.5);
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(List.of(0.5, 1.5)))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageStartingWith("tiouThresholds: ")
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("tiouThresholds"));
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(List.of(0.0)))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageContaining("tiouThresholds");
    }

    @Test
    void rejectsEmptyNullAndIndistinguishableThresholds() {
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(List.of()))
                .isInstanceOf(ConfigValueException.class).hasMessageStartingWith("tiouThresholds: ");
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(null))
                .isInstanceOf(ConfigValueException.class).hasMessageStartingWith("tiouThresholds: ");
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(Arrays.asList(0.5, null)))
                .isInstanceOf(ConfigValueException.class).hasMessageStartingWith("tiouThresholds: ");
        assertThatThrownBy(() -> new TemporalDetectionMapConfig(List.of(0.5, 0.501)))
                .isInstanceOf(ConfigValueException.class).hasMessageStartingWith("tiouThresholds: ");
    }
}
