package io.action4j.spatiotemporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceConfig;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceFactory;
import io.action4j.spatiotemporal.metric.AvaFrameMapConfig;
import io.action4j.spatiotemporal.metric.AvaFrameMapFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void frameMapDefaultsToIouOneHalfAndAllClasses() {
        AvaFrameMapConfig config = new AvaFrameMapFactory().defaultConfig();

        assertThat(config.iouThreshold()).isEqualTo(0.5);
        assertThat(config.classIds()).isEmpty();
    }

    @Test
    void frameMapRejectsAThresholdOutsideZeroToOne() {
        for (double bad : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new AvaFrameMapConfig(bad, List.of()))
                    .isInstanceOfSatisfying(ConfigValueException.class,
                            e -> assertThat(e.key()).isEqualTo("iouThreshold"))
                    .hasMessageContaining("iouThreshold");
        }
        assertThat(new AvaFrameMapConfig(1.0, List.of()).iouThreshold()).isEqualTo(1.0);
    }

    @Test
    void frameMapRejectsAMissingClassList() {
        assertThatThrownBy(() -> new AvaFrameMapConfig(0.5, null)).hasMessageContaining("classIds");
    }

    @Test
    void boxSourceDefaultsToNoFileAndNoScoreFilter() {
        AvaCsvBoxSourceConfig config = new AvaCsvBoxSourceFactory().defaultConfig();

        assertThat(config.file()).isEmpty();
        assertThat(config.minScore()).isZero();
    }

    @Test
    void boxSourceRejectsAScoreOutsideZeroToOne() {
        assertThatThrownBy(() -> new AvaCsvBoxSourceConfig("boxes.csv", 1.2))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("minScore"))
                .hasMessageContaining("minScore");
    }

    @Test
    void boxSourceNeedsAFileWhenCreated() {
        AvaCsvBoxSourceFactory factory = new AvaCsvBoxSourceFactory();

        assertThatThrownBy(() -> factory.create(factory.defaultConfig()))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("file"));
        assertThatThrownBy(() -> new AvaCsvBoxSourceConfig(null, 0.0)).hasMessageContaining("file");
    }
}
