package io.action4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.VideoPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTest {

    @ParameterizedTest(name = "plugin {0} on host {1}: {2}")
    @CsvSource({
            "0.1, 0.1, true",
            "0.1, 0.2, false",
            "0.2, 0.1, false",
            "1.1, 1.2, true",
            "1.2, 1.2, true",
            "1.3, 1.2, false",
            "2.0, 1.9, false",
            "1.9, 2.0, false",
            "' 0.1 ', 0.1, true",
            "garbage, 0.1, false",
            "0.1.0, 0.1, false",
            "1.x, 1.2, false",
            "0.1, garbage, false",
            "+0.1, 0.1, false",
            "-0.1, 0.1, false",
            "1.-1, 1.2, false",
            "'', 0.1, false"})
    void pluginVersionIsCompatibleWithHostVersion(String plugin, String host, boolean expected) {
        assertThat(ApiVersions.compatible(plugin, host)).isEqualTo(expected);
    }

    @Test
    void unknownPluginVersionIsNotCompatible() {
        assertThat(ApiVersions.compatible(null, "0.1")).isFalse();
    }

    @Test
    void hostIsTheApiVersionOfThisSourceTree() {
        assertThat(ApiVersions.host()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(ApiVersions.compatible(VideoPlugin.API_VERSION, ApiVersions.host())).isTrue();
    }
}
