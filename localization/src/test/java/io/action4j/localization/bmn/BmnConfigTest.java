package io.action4j.localization.bmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import org.junit.jupiter.api.Test;

class BmnConfigTest {

    @Test
    void aSamplingMaskTooLargeForOneArrayIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new BmnConfig(2000, 0.5, 32, 3, 400, 256, 128, 512, 0.4, 0.5, 0.9, 100))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageContaining("temporalDim")
                .hasMessageContaining("2000 x 32 x 2000 x 2000 = 256000000000")
                .hasMessageContaining("use a smaller temporalDim or numSamples");
    }

    @Test
    void mmaction2sActivityNetSettingAndEightTimesItFit() {
        assertThat(BmnConfig.ACTIVITYNET.temporalDim()).isEqualTo(100);
        assertThat(new BmnConfig(200, 0.5, 32, 3, 400, 256, 128, 512, 0.4, 0.5, 0.9, 100).temporalDim()).isEqualTo(200);
    }
}
