package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.ConfigValueException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NanoDetConfigTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void defaultsAreNanoDetMAt416WithTheFetchedFolder() {
        NanoDetConfig defaults = NanoDetConfig.defaults();

        assertThat(defaults.modelDir()).isEqualTo(NanoDetModelFiles.defaultFolder().toString());
        assertThat(defaults.scoreThreshold()).isEqualTo(0.35);
        assertThat(defaults.nmsIou()).isEqualTo(0.5);
        assertThat(defaults.inputSize()).isEqualTo(416);
        assertThat(defaults.normalization()).isEqualTo("nanodet");
    }

    @Test
    void defaultFolderIsTheFetchScriptsUnlessOverridden() {
        if (System.getenv(NanoDetModelFiles.ENVIRONMENT) != null) {
            return;
        }
        String before = System.getProperty(NanoDetModelFiles.PROPERTY);
        try {
            System.clearProperty(NanoDetModelFiles.PROPERTY);
            assertThat(NanoDetModelFiles.defaultFolder()).isEqualTo(Path.of(System.getProperty("user.home"),
                    ".cache/action4j/human-models/3.0.4/models"));
            System.setProperty(NanoDetModelFiles.PROPERTY, "/opt/models");
            assertThat(NanoDetModelFiles.defaultFolder()).isEqualTo(Path.of("/opt/models"));
        } finally {
            if (before == null) {
                System.clearProperty(NanoDetModelFiles.PROPERTY);
            } else {
                System.setProperty(NanoDetModelFiles.PROPERTY, before);
            }
        }
    }

    @Test
    void everyKeyBindsFromJson() throws Exception {
        String json = "{\"modelDir\": \"/m\", \"scoreThreshold\": 0.5, \"nmsIou\": 0.6, \"inputSize\": 416, "
                + "\"normalization\": \"human\"}";

        assertThat(STRICT.readValue(json, NanoDetConfig.class)).isEqualTo(new NanoDetConfig("/m", 0.5, 0.6, 416,
                "human"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingItsKey(String description, Supplier<Record> build, String key) {
        assertThatThrownBy(build::get)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("blank modelDir", (Supplier<Record>) () -> new NanoDetConfig(" ", 0.3, 0.5, 416, null),
                        "modelDir"),
                Arguments.of("threshold above 1", (Supplier<Record>) () -> new NanoDetConfig("/m", 1.5, 0.5, 416, null),
                        "scoreThreshold"),
                Arguments.of("negative IoU", (Supplier<Record>) () -> new NanoDetConfig("/m", 0.3, -0.1, 416, null),
                        "nmsIou"),
                Arguments.of("zero input size", (Supplier<Record>) () -> new NanoDetConfig("/m", 0.3, 0.5, 0, null),
                        "inputSize"),
                Arguments.of("unknown normalization",
                        (Supplier<Record>) () -> new NanoDetConfig("/m", 0.3, 0.5, 416, "imagenet"), "normalization"));
    }
}
