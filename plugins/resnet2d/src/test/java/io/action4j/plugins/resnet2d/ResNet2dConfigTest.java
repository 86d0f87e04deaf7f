package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResNet2dConfigTest {

    @Test
    void defaultsAreTsnsResNet50() {
        ResNet2dConfig defaults = ResNet2dConfig.DEFAULTS;

        assertThat(defaults.depth()).isEqualTo(50);
        assertThat(defaults.stageBlocks()).isEmpty();
        assertThat(defaults.blocksPerStage()).containsExactly(3, 4, 6, 3);
        assertThat(defaults.bottleneck()).isTrue();
        assertThat(defaults.inChannels()).isEqualTo(3);
        assertThat(defaults.baseChannels()).isEqualTo(64);
        assertThat(defaults.strides()).containsExactly(1, 2, 2, 2);
        assertThat(defaults.style()).isEqualTo("pytorch");
        assertThat(defaults.shiftDiv()).isZero();
        assertThat(defaults.shifted()).isFalse();
        assertThat(defaults.bnEpsilon()).isEqualTo(1e-5);
    }

    @Test
    void depthsHaveMmaction2sBlockCounts() {
        assertThat(Configs.defaults().depth(18).build().blocksPerStage()).containsExactly(2, 2, 2, 2);
        assertThat(Configs.defaults().depth(34).build().blocksPerStage()).containsExactly(3, 4, 6, 3);
        assertThat(Configs.defaults().depth(101).build().blocksPerStage()).containsExactly(3, 4, 23, 3);
        assertThat(Configs.defaults().depth(152).build().blocksPerStage()).containsExactly(3, 8, 36, 3);
        assertThat(Configs.defaults().depth(34).build().bottleneck()).isFalse();
    }

    @Test
    void tsmShiftsEveryBlockButEverySecondOneWhenStageThreeIsVeryDeep() {
        ResNet2dConfig tsm50 = Configs.defaults().shiftDiv(8).build();
        ResNet2dConfig tsm101 = Configs.defaults().depth(101).shiftDiv(8).build();

        assertThat(tsm50.shiftsBlock(0)).isTrue();
        assertThat(tsm50.shiftsBlock(1)).isTrue();
        assertThat(tsm101.shiftsBlock(0)).isTrue();
        assertThat(tsm101.shiftsBlock(1)).isFalse();
        assertThat(tsm101.shiftsBlock(22)).isTrue();
        assertThat(ResNet2dConfig.DEFAULTS.shiftsBlock(0)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingTheKey(String key, UnaryOperator<Configs> change) {
        assertThatThrownBy(() -> change.apply(Configs.defaults()).build())
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("depth", c -> c.depth(26)),
                bad("stageBlocks", c -> c.stageBlocks(List.of(2, 2, 2))),
                bad("stageBlocks", c -> c.stageBlocks(List.of(2, 0, 2, 2))),
                bad("stageBlocks", c -> c.stageBlocks(null)),
                bad("inChannels", c -> c.inChannels(0)),
                bad("baseChannels", c -> c.baseChannels(-64)),
                bad("strides", c -> c.strides(List.of(1, 2, 2))),
                bad("strides", c -> c.strides(List.of(1, 0, 2, 2))),
                bad("strides", c -> c.strides(Arrays.asList(1, null, 2, 2))),
                bad("style", c -> c.style("tensorflow")),
                bad("style", c -> c.style(null)),
                bad("shiftDiv", c -> c.shiftDiv(-1)),
                bad("bnEpsilon", c -> c.bnEpsilon(-1e-5)),
                bad("bnEpsilon", c -> c.bnEpsilon(Double.NaN)));
    }

    private static Arguments bad(String key, UnaryOperator<Configs> change) {
        return Arguments.of(key, change);
    }

    @Test
    void listsAreCopiedSoTheConfigCannotChangeLater() {
        List<Integer> strides = new java.util.ArrayList<>(List.of(1, 2, 2, 2));
        ResNet2dConfig config = Configs.defaults().strides(strides).build();
        strides.set(0, 5);

        assertThat(config.strides()).containsExactly(1, 2, 2, 2);
    }
}
