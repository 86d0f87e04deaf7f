package io.action4j.plugins.c3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class C3dConfigTest {

    @Test
    void defaultsAreMmaction2sC3d() {
        C3dConfig config = C3dConfig.DEFAULTS;

        assertThat(config.baseChannels()).isEqualTo(64);
        assertThat(config.fcWidth()).isEqualTo(4096);
        assertThat(config.outDim()).isEqualTo(8192);
        assertThat(config.dropoutRatio()).isEqualTo(0.5);
        assertThat(config.initStd()).isEqualTo(0.005);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingItsKey(Supplier<C3dConfig> config, String key) {
        assertThatThrownBy(config::get)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("baseChannels 0", () -> new C3dConfig(0, 4096, 8192, 0.5, 0.005), "baseChannels"),
                bad("fcWidth -1", () -> new C3dConfig(64, -1, 8192, 0.5, 0.005), "fcWidth"),
                bad("outDim 0", () -> new C3dConfig(64, 4096, 0, 0.5, 0.005), "outDim"),
                bad("dropoutRatio 1.5", () -> new C3dConfig(64, 4096, 8192, 1.5, 0.005), "dropoutRatio"),
                bad("dropoutRatio NaN", () -> new C3dConfig(64, 4096, 8192, Double.NaN, 0.005), "dropoutRatio"),
                bad("initStd -0.01", () -> new C3dConfig(64, 4096, 8192, 0.5, -0.01), "initStd"));
    }

    private static Arguments bad(String description, Supplier<C3dConfig> config, String key) {
        return Arguments.of(Named.of(description, config), key);
    }

    @Test
    void equalValuesMakeEqualConfigs() {
        assertThat(new C3dConfig(64, 4096, 8192, 0.5, 0.005)).isEqualTo(C3dConfig.DEFAULTS);
        assertThat(new C3dConfig(32, 4096, 8192, 0.5, 0.005)).isNotEqualTo(C3dConfig.DEFAULTS);
    }
}
