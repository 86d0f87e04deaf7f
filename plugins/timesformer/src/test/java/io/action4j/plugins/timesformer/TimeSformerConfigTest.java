package io.action4j.plugins.timesformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.action4j.api.ConfigValueException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSformerConfigTest {

    @Test
    void defaultsAreMmaction2sVitBase16For8FramesOf224() {
        TimeSformerConfig config = TimeSformerConfig.DEFAULTS;

        assertThat(config.numFrames()).isEqualTo(8);
        assertThat(config.imgSize()).isEqualTo(224);
        assertThat(config.patchSize()).isEqualTo(16);
        assertThat(config.embedDims()).isEqualTo(768);
        assertThat(config.numHeads()).isEqualTo(12);
        assertThat(config.numTransformerLayers()).isEqualTo(12);
        assertThat(config.inChannels()).isEqualTo(3);
        assertThat(config.dropoutRatio()).isEqualTo(0.0);
        assertThat(config.attentionType()).isEqualTo("divided_space_time");
        assertThat(config.normCfg()).isEqualTo(new NormConfig("LN", 1e-6));
        assertThat(config.numPatches()).isEqualTo(196);
    }

    @ParameterizedTest
    @ValueSource(strings = {"divided_space_time", "space_only", "joint_space_time"})
    void everyAttentionTypeIsAccepted(String attentionType) {
        TimeSformerConfig config = Configs.defaults().set(c -> c.attentionType = attentionType).build();

        assertThat(config.attention().configValue()).isEqualTo(attentionType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingItsKey(Consumer<Configs> change, String key) {
        assertThatThrownBy(() -> Configs.defaults().set(change).build())
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("numFrames 0", c -> c.numFrames = 0, "numFrames"),
                bad("imgSize -224", c -> c.imgSize = -224, "imgSize"),
                bad("patchSize 0", c -> c.patchSize = 0, "patchSize"),
                bad("patchSize not dividing imgSize", c -> c.patchSize = 15, "patchSize"),
                bad("embedDims 0", c -> c.embedDims = 0, "embedDims"),
                bad("numHeads 0", c -> c.numHeads = 0, "numHeads"),
                bad("numHeads not dividing embedDims", c -> c.numHeads = 7, "numHeads"),
                bad("numTransformerLayers 0", c -> c.numTransformerLayers = 0, "numTransformerLayers"),
                bad("inChannels 0", c -> c.inChannels = 0, "inChannels"),
                bad("dropoutRatio 1", c -> c.dropoutRatio = 1.0, "dropoutRatio"),
                bad("dropoutRatio -0.1", c -> c.dropoutRatio = -0.1, "dropoutRatio"),
                bad("dropoutRatio NaN", c -> c.dropoutRatio = Double.NaN, "dropoutRatio"),
                bad("attentionType divided", c -> c.attentionType = "divided", "attentionType"),
                bad("missing attentionType", c -> c.attentionType = null, "attentionType"),
                bad("missing normCfg", c -> c.normCfg = null, "normCfg"));
    }

    private static Arguments bad(String description, Consumer<Configs> change, String key) {
        return Arguments.of(Named.of(description, change), key);
    }

    @Test
    void normCfgAcceptsOnlyLayerNormWithAPositiveEps() {
        assertThatThrownBy(() -> new NormConfig("BN", 1e-6))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("normCfg.type"));
        assertThatThrownBy(() -> new NormConfig(null, 1e-6))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("normCfg.type"));
        assertThatThrownBy(() -> new NormConfig("LN", 0))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("normCfg.eps"));
        assertThatThrownBy(() -> new NormConfig("LN", Double.NaN))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("normCfg.eps"));
    }

    @Test
    void bindsFromMmaction2StyleKeysWithANestedNormCfg() throws Exception {
        String json = """
                {"numFrames": 16, "imgSize": 112, "patchSize": 8, "embedDims": 384, "numHeads": 6,
                 "numTransformerLayers": 4, "inChannels": 2, "dropoutRatio": 0.1,
                 "attentionType": "joint_space_time", "normCfg": {"type": "LN", "eps": 1e-5}}""";

        TimeSformerConfig config = new ObjectMapper().readValue(json, TimeSformerConfig.class);

        assertThat(config).isEqualTo(new TimeSformerConfig(16, 112, 8, 384, 6, 4, 2, 0.1, "joint_space_time",
                new NormConfig("LN", 1e-5)));
    }

    @Test
    void unknownKeyAndBadValueFailToBind() {
        ObjectMapper json = new ObjectMapper();
        String defaults = "\"numFrames\": 8, \"imgSize\": 224, \"patchSize\": 16, \"embedDims\": 768, \"numHeads\": 12,"
                + " \"numTransformerLayers\": 12, \"inChannels\": 3, \"dropoutRatio\": 0,"
                + " \"attentionType\": \"divided_space_time\", ";

        assertThatThrownBy(() -> json.readValue("{" + defaults + "\"normCfg\": {\"type\": \"LN\", \"eps\": 1e-6, \"momentum\": 1}}",
                TimeSformerConfig.class)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("momentum");
        assertThatThrownBy(() -> json.readValue("{" + defaults + "\"normCfg\": {\"type\": \"LN\", \"eps\": -1}}",
                TimeSformerConfig.class)).isInstanceOf(ValueInstantiationException.class).hasMessageContaining("normCfg.eps");
    }

    @Test
    void headDefaultsAndBadValues() {
        assertThat(TimeSformerHeadConfig.DEFAULTS).isEqualTo(new TimeSformerHeadConfig(400, 0.02, 0.0));
        assertThatThrownBy(() -> new TimeSformerHeadConfig(0, 0.02, 0))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("numClasses"));
        assertThatThrownBy(() -> new TimeSformerHeadConfig(400, -1, 0))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("initStd"));
        assertThatThrownBy(() -> new TimeSformerHeadConfig(400, 0.02, 1.5))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("dropoutRatio"));
    }
}
