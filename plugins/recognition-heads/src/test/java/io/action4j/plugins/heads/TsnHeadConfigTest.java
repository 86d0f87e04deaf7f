package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TsnHeadConfigTest {

    @Test
    void defaultsAreMmaction2sTsnHeadOnKinetics400() {
        assertThat(TsnHeadConfig.DEFAULTS.numClasses()).isEqualTo(400);
        assertThat(TsnHeadConfig.DEFAULTS.consensus()).isEqualTo("avg");
        assertThat(TsnHeadConfig.DEFAULTS.dropoutRatio()).isEqualTo(0.4);
        assertThat(TsnHeadConfig.DEFAULTS.initStd()).isEqualTo(0.01);
    }

    @ParameterizedTest(name = "numClasses {0}")
    @CsvSource({"0", "-1"})
    void nonPositiveNumClassesIsRejectedNamingTheKey(int numClasses) {
        assertRejected(() -> new TsnHeadConfig(numClasses, "avg", 0.4, 0.01), "numClasses");
    }

    @ParameterizedTest(name = "consensus {0}")
    @NullSource
    @ValueSource(strings = {"max", "AvgConsensus", ""})
    void unknownConsensusIsRejectedNamingTheKey(String consensus) {
        assertRejected(() -> new TsnHeadConfig(400, consensus, 0.4, 0.01), "consensus");
    }

    @ParameterizedTest(name = "dropoutRatio {0}")
    @CsvSource({"-0.1", "1.5", "NaN"})
    void dropoutRatioOutsideZeroToOneIsRejectedNamingTheKey(double dropoutRatio) {
        assertRejected(() -> new TsnHeadConfig(400, "avg", dropoutRatio, 0.01), "dropoutRatio");
    }

    @ParameterizedTest(name = "initStd {0}")
    @CsvSource({"-1", "NaN", "Infinity"})
    void negativeOrNonFiniteInitStdIsRejectedNamingTheKey(double initStd) {
        assertRejected(() -> new TsnHeadConfig(400, "avg", 0.4, initStd), "initStd");
    }

    private static void assertRejected(Runnable construction, String key) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
}
