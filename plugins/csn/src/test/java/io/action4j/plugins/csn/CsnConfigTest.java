package io.action4j.plugins.csn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.ConfigValueException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsnConfigTest {

    @Test
    void defaultsAreMmaction2IrCsn152() {
        CsnConfig config = CsnConfig.DEFAULTS;

        assertThat(config.depth()).isEqualTo(152);
        assertThat(config.bottleneckMode()).isEqualTo("ir");
        assertThat(config.mode()).isEqualTo(BottleneckMode.INTERACTION_REDUCED);
        assertThat(config.stageBlocks()).isEmpty();
        assertThat(config.blocksPerStage()).containsExactly(3, 8, 36, 3);
        assertThat(config.inChannels()).isEqualTo(3);
        assertThat(config.baseChannels()).isEqualTo(64);
        assertThat(config.stemKernel()).containsExactly(3, 7, 7);
        assertThat(config.stemStride()).containsExactly(1, 2, 2);
        assertThat(config.stemPoolStride()).containsExactly(1, 2, 2);
        assertThat(config.withPool2()).isFalse();
        assertThat(config.spatialStrides()).containsExactly(1, 2, 2, 2);
        assertThat(config.temporalStrides()).containsExactly(1, 2, 2, 2);
        assertThat(config.bnEpsilon()).isEqualTo(1e-3);
    }

    @Test
    void depthsHaveMmaction2sStageBlocks() {
        assertThat(Configs.defaults().depth(50).build().blocksPerStage()).containsExactly(3, 4, 6, 3);
        assertThat(Configs.defaults().depth(101).build().blocksPerStage()).containsExactly(3, 4, 23, 3);
        assertThat(Configs.defaults().stageBlocks(List.of(1, 2, 1, 1)).build().blocksPerStage())
                .containsExactly(1, 2, 1, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ir", "ip"})
    void bothBottleneckModesAreAccepted(String mode) {
        assertThat(Configs.defaults().bottleneckMode(mode).build().mode().name())
                .isEqualTo(mode.equals("ir") ? "INTERACTION_REDUCED" : "INTERACTION_PRESERVED");
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badValuesAreRejectedNamingTheKey(String key, UnaryOperator<Configs> change) {
        assertThatThrownBy(() -> change.apply(Configs.defaults()).build())
                .isInstanceOf(ConfigValueException.class)
                .hasMessageStartingWith(key + ": ")
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo(key));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("depth", c -> c.depth(18)),
                bad("depth", c -> c.depth(34)),
                bad("depth", c -> c.depth(200)),
                bad("bottleneckMode", c -> c.bottleneckMode("ipr")),
                bad("bottleneckMode", c -> c.bottleneckMode(null)),
                bad("stageBlocks", c -> c.stageBlocks(List.of(1, 1, 1))),
                bad("stageBlocks", c -> c.stageBlocks(List.of(1, 0, 1, 1))),
                bad("stageBlocks", c -> c.stageBlocks(null)),
                bad("inChannels", c -> c.inChannels(0)),
                bad("baseChannels", c -> c.baseChannels(-64)),
                bad("stemKernel", c -> c.stemKernel(List.of(3, 7))),
                bad("stemKernel", c -> c.stemKernel(List.of(4, 7, 7))),
                bad("stemStride", c -> c.stemStride(List.of(1, 0, 2))),
                bad("stemPoolStride", c -> c.stemPoolStride(null)),
                bad("spatialStrides", c -> c.spatialStrides(List.of(1, 2, 2))),
                bad("temporalStrides", c -> c.temporalStrides(Arrays.asList(1, 2, null, 2))),
                bad("bnEpsilon", c -> c.bnEpsilon(0)),
                bad("bnEpsilon", c -> c.bnEpsilon(Double.NaN)),
                bad("bnEpsilon", c -> c.bnEpsilon(2)));
    }

    private static Arguments bad(String key, UnaryOperator<Configs> change) {
        return Arguments.of(key, Named.of(key + " changed", change));
    }

    @Test
    void messagesSayWhatIsAllowed() {
        assertThatThrownBy(() -> Configs.defaults().bottleneckMode("xx").build())
                .hasMessage("bottleneckMode: must be one of [ir, ip], got xx");
        assertThatThrownBy(() -> Configs.defaults().depth(18).build())
                .hasMessage("depth: must be one of [50, 101, 152], got 18");
    }

    @Test
    void listsAreCopied() {
        List<Integer> strides = new java.util.ArrayList<>(List.of(1, 2, 2, 2));
        CsnConfig config = Configs.defaults().temporalStrides(strides).build();
        strides.set(0, 9);

        assertThat(config.temporalStrides()).containsExactly(1, 2, 2, 2);
    }

    @Test
    void bindsFromJsonAsARecord() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(CsnConfig.DEFAULTS).replace("\"ir\"", "\"ip\"");

        CsnConfig config = mapper.readValue(json, CsnConfig.class);

        assertThat(config).isEqualTo(Configs.defaults().bottleneckMode("ip").build());
    }
}
