package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.ConfigValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The backbone's and the head's config records: defaults, binding, and a bad value per key. */
class S3dConfigTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void backboneDefaultsAreTorchvisionsS3d() {
        assertThat(S3dConfig.DEFAULTS.inChannels()).isEqualTo(3);
        assertThat(S3dConfig.DEFAULTS.widthDivisor()).isEqualTo(1);
        assertThat(S3dConfig.DEFAULTS.width(1024)).isEqualTo(1024);
    }

    @Test
    void headDefaultsAreTorchvisionsClassifier() {
        assertThat(S3dHeadConfig.DEFAULTS.numClasses()).isEqualTo(400);
        assertThat(S3dHeadConfig.DEFAULTS.poolKernel()).containsExactly(2, 7, 7);
    }

    @Test
    void widthDivisorRoundsUpSoNoLayerVanishes() {
        S3dConfig reduced = new S3dConfig(3, 32);

        assertThat(reduced.width(16)).isEqualTo(1);
        assertThat(reduced.width(208)).isEqualTo(7);
        assertThat(reduced.width(384)).isEqualTo(12);
    }

    @Test
    void everyKeyBindsFromJson() throws Exception {
        assertThat(STRICT.readValue("{\"inChannels\": 2, \"widthDivisor\": 8}", S3dConfig.class))
                .isEqualTo(new S3dConfig(2, 8));
        assertThat(STRICT.readValue("{\"numClasses\": 174, \"poolKernel\": [2, 4, 4]}", S3dHeadConfig.class))
                .isEqualTo(new S3dHeadConfig(174, List.of(2, 4, 4)));
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
                bad("zero inChannels", () -> new S3dConfig(0, 1), "inChannels"),
                bad("negative widthDivisor", () -> new S3dConfig(3, -2), "widthDivisor"),
                bad("zero numClasses", () -> new S3dHeadConfig(0, List.of(2, 7, 7)), "numClasses"),
                bad("two-element poolKernel", () -> new S3dHeadConfig(400, List.of(7, 7)), "poolKernel"),
                bad("zero in poolKernel", () -> new S3dHeadConfig(400, List.of(2, 0, 7)), "poolKernel"),
                bad("null in poolKernel", () -> new S3dHeadConfig(400, Arrays.asList(2, null, 7)), "poolKernel"),
                bad("missing poolKernel", () -> new S3dHeadConfig(400, null), "poolKernel"));
    }

    private static Arguments bad(String description, Supplier<Record> build, String key) {
        return Arguments.of(description, build, key);
    }

    @Test
    void poolKernelIsCopiedSoTheCallersListCannotChangeIt() {
        List<Integer> kernel = new ArrayList<>(List.of(2, 7, 7));
        S3dHeadConfig config = new S3dHeadConfig(400, kernel);

        kernel.set(0, 9);

        assertThat(config.poolKernel()).containsExactly(2, 7, 7);
    }
}
