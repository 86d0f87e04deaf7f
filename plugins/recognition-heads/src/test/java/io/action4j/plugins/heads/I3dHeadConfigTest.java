package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class I3dHeadConfigTest {

    @Test
    void defaultsScoreKinetics400WithSmallInitialWeights() {
        assertThat(I3dHeadConfig.DEFAULTS.numClasses()).isEqualTo(400);
        assertThat(I3dHeadConfig.DEFAULTS.initStd()).isEqualTo(0.01);
    }

    @ParameterizedTest(name = "numClasses {0}")
    @CsvSource({"0", "-1"})
    void nonPositiveNumClassesIsRejectedNamingTheKey(int numClasses) {
        assertRejected(() -> new I3dHeadConfig(numClasses, 0.01, 0.5), "numClasses");
    }

    @ParameterizedTest(name = "initStd {0}")
    @CsvSource({"-1", "-0.001", "NaN", "Infinity"})
    void negativeOrNonFiniteInitStdIsRejectedNamingTheKey(double initStd) {
        assertRejected(() -> new I3dHeadConfig(400, initStd, 0.5), "initStd");
    }

    @Test
    void zeroInitStdAndOneClassAreAccepted() {
        I3dHeadConfig config = new I3dHeadConfig(1, 0, 0.5);

        assertThat(config.numClasses()).isEqualTo(1);
        assertThat(config.initStd()).isZero();
    }

    private static void assertRejected(Runnable construction, String key) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
}
