package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResNet3dConfigTest {

    @Test
    void defaultsAreTorchvisionR3d18() {
        ResNet3dConfig config = ResNet3dConfig.DEFAULTS;

        assertThat(config.depth()).isEqualTo(18);
        assertThat(config.convType()).isEqualTo("3d");
        assertThat(config.stageBlocks()).isEmpty();
        assertThat(config.inChannels()).isEqualTo(3);
        assertThat(config.baseChannels()).isEqualTo(64);
        assertThat(config.stemKernel()).containsExactly(3, 7, 7);
        assertThat(config.stemStride()).containsExactly(1, 2, 2);
        assertThat(config.stemMidChannels()).isEqualTo(45);
        assertThat(config.stemPool()).isFalse();
        assertThat(config.stemPoolStride()).containsExactly(1, 2, 2);
        assertThat(config.withPool2()).isFalse();
        assertThat(config.spatialStrides()).containsExactly(1, 2, 2, 2);
        assertThat(config.temporalStrides()).containsExactly(1, 2, 2, 2);
        assertThat(config.inflate()).containsExactly(List.of(1), List.of(1), List.of(1), List.of(1));
        assertThat(config.inflateStyle()).isEqualTo("3x3x3");
        assertThat(config.bnEpsilon()).isEqualTo(1e-5);
    }

    @ParameterizedTest
    @MethodSource("supportedDepths")
    void everySupportedDepthIsAccepted(int depth) {
        assertThat(Configs.defaults().depth(depth).build().depth()).isEqualTo(depth);
    }

    static Stream<Integer> supportedDepths() {
        return Stream.of(18, 34, 50, 101, 152);
    }

    @ParameterizedTest
    @MethodSource("convTypes")
    void everyConvTypeIsAccepted(String convType, ConvType expected) {
        ResNet3dConfig config = Configs.defaults().convType(convType).temporalStrides(1, 1, 1, 1).build();

        assertThat(config.convolutions()).isEqualTo(expected);
    }

    static Stream<Arguments> convTypes() {
        return Stream.of(Arguments.of("3d", ConvType.FULL_3D), Arguments.of("mc3", ConvType.MIXED),
                Arguments.of("2plus1d", ConvType.FACTORISED), Arguments.of("conv2plus1d", ConvType.CONV2PLUS1D));
    }

    @Test
    void mc3MayStrideTimeInItsFullyThreeDimensionalFirstStage() {
        ResNet3dConfig config = Configs.defaults().convType("mc3").temporalStrides(2, 1, 1, 1).build();

        assertThat(config.temporalStrides()).containsExactly(2, 1, 1, 1);
    }

    @Test
    void mmaction2sI3dR50IsAccepted() {
        ResNet3dConfig config = Configs.defaults().i3dR50().build();

        assertThat(config.inflation()).isEqualTo(InflateStyle.TEMPORAL_FIRST);
        assertThat(config.blockConv(1, 0)).isEqualTo(ConvType.BlockConv.FULL);
        assertThat(config.blockConv(1, 1)).isEqualTo(ConvType.BlockConv.SPATIAL);
        assertThat(config.blockConv(3, 0)).isEqualTo(ConvType.BlockConv.SPATIAL);
        assertThat(config.blockConv(3, 1)).isEqualTo(ConvType.BlockConv.FULL);
    }

    @Test
    void inflateIsCheckedAgainstTheStageBlocksThatAreSet() {
        Configs twoBlocks = Configs.defaults().stageBlocks(1, 2, 1, 1);

        assertThat(twoBlocks.inflate(List.of(1), List.of(1, 0), List.of(0), List.of(1)).build().blockConv(1, 1))
                .isEqualTo(ConvType.BlockConv.SPATIAL);
        assertThatThrownBy(() -> twoBlocks.inflate(List.of(1, 1), List.of(1), List.of(1), List.of(1)).build())
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.getMessage())
                        .startsWith("inflate: stage 1 needs one value or one per block (1)"));
    }

    @Test
    void emptyStageBlocksTakeTheDepthsAndSetOnesOverrideThem() {
        assertThat(Configs.defaults().build().blocksPerStage()).containsExactly(2, 2, 2, 2);
        assertThat(Configs.defaults().depth(101).build().blocksPerStage()).containsExactly(3, 4, 23, 3);
        ResNet3dConfig oneBlockBottlenecks = Configs.defaults().depth(50).stageBlocks(1, 1, 1, 1).build();

        assertThat(oneBlockBottlenecks.blocksPerStage()).containsExactly(1, 1, 1, 1);
        assertThat(oneBlockBottlenecks.bottleneck()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingItsKey(UnaryOperator<Configs> change, String key) {
        assertThatThrownBy(() -> change.apply(Configs.defaults()).build())
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("depth 19", c -> c.depth(19), "depth"),
                bad("depth 0", c -> c.depth(0), "depth"),
                bad("convType 3D+1", c -> c.convType("2+1d"), "convType"),
                bad("convType r2plus1d", c -> c.convType("r2plus1d"), "convType"),
                bad("missing convType", c -> c.convType(null), "convType"),
                bad("mc3 striding time in stage 2", c -> c.convType("mc3"), "temporalStrides"),
                bad("mc3 striding time in stage 4", c -> c.convType("mc3").temporalStrides(1, 1, 1, 2),
                        "temporalStrides"),
                bad("three-element stageBlocks", c -> c.stageBlocks(2, 2, 2), "stageBlocks"),
                bad("zero stageBlocks entry", c -> c.stageBlocks(2, 0, 2, 2), "stageBlocks"),
                bad("missing stageBlocks", c -> {
                    c.stageBlocks = null;
                    return c;
                }, "stageBlocks"),
                bad("stemMidChannels 0", c -> c.stemMidChannels(0), "stemMidChannels"),
                bad("inChannels 0", c -> c.inChannels(0), "inChannels"),
                bad("baseChannels 0", c -> c.baseChannels(0), "baseChannels"),
                bad("baseChannels -8", c -> c.baseChannels(-8), "baseChannels"),
                bad("even stemKernel entry", c -> c.stemKernel(3, 6, 7), "stemKernel"),
                bad("two-element stemKernel", c -> c.stemKernel(7, 7), "stemKernel"),
                bad("zero stemKernel entry", c -> c.stemKernel(3, 0, 7), "stemKernel"),
                bad("two-element stemStride", c -> c.stemStride(2, 2), "stemStride"),
                bad("zero stemStride entry", c -> c.stemStride(1, 0, 2), "stemStride"),
                bad("three-element spatialStrides", c -> c.spatialStrides(1, 2, 2), "spatialStrides"),
                bad("zero spatialStrides entry", c -> c.spatialStrides(1, 2, 0, 2), "spatialStrides"),
                bad("five-element temporalStrides", c -> c.temporalStrides(1, 2, 2, 2, 2), "temporalStrides"),
                bad("two-element stemPoolStride", c -> c.stemPoolStride(2, 2), "stemPoolStride"),
                bad("zero stemPoolStride entry", c -> c.stemPoolStride(0, 2, 2), "stemPoolStride"),
                bad("three-stage inflate", c -> c.inflate(List.of(1), List.of(1), List.of(1)), "inflate"),
                bad("inflate value 2", c -> c.inflate(List.of(1), List.of(2), List.of(1), List.of(1)), "inflate"),
                bad("inflate with a flag too many", c -> c.inflate(List.of(1, 0, 1), List.of(1), List.of(1), List.of(1)),
                        "inflate"),
                bad("empty inflate stage", c -> c.inflate(List.of(), List.of(1), List.of(1), List.of(1)), "inflate"),
                bad("missing inflate", c -> {
                    c.inflate = null;
                    return c;
                }, "inflate"),
                bad("inflate with mc3", c -> c.convType("mc3").temporalStrides(1, 1, 1, 1)
                        .inflate(List.of(1), List.of(0), List.of(1), List.of(1)), "inflate"),
                bad("inflateStyle 3x3x1", c -> c.inflateStyle("3x3x1"), "inflateStyle"),
                bad("missing inflateStyle", c -> c.inflateStyle(null), "inflateStyle"),
                bad("inflateStyle 3x1x1 with 2plus1d", c -> c.convType("2plus1d").inflateStyle("3x1x1"), "inflateStyle"),
                bad("conv2plus1d with bottlenecks", c -> c.convType("conv2plus1d").depth(50), "depth"),
                bad("stemMidChannels with conv2plus1d", c -> c.convType("conv2plus1d").stemMidChannels(83),
                        "stemMidChannels"),
                bad("negative bnEpsilon", c -> c.bnEpsilon(-1e-5), "bnEpsilon"),
                bad("NaN bnEpsilon", c -> c.bnEpsilon(Double.NaN), "bnEpsilon"));
    }

    private static Arguments bad(String description, UnaryOperator<Configs> change, String key) {
        return Arguments.of(Named.of(description, change), key);
    }

    @Test
    void missingListIsRejectedNamingItsKey() {
        Configs configs = Configs.defaults();
        configs.spatialStrides = null;

        assertThatThrownBy(configs::build)
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("spatialStrides"));
    }

    @Test
    void listsAreCopiedSoLaterChangesToTheCallersListDoNotLeakIn() {
        List<Integer> strides = new ArrayList<>(List.of(1, 2, 2, 2));
        Configs configs = Configs.defaults();
        configs.spatialStrides = strides;
        ResNet3dConfig config = configs.build();

        strides.set(0, 9);

        assertThat(config.spatialStrides()).containsExactly(1, 2, 2, 2);
    }

    @Test
    void equalValuesMakeEqualConfigs() {
        assertThat(Configs.defaults().build()).isEqualTo(ResNet3dConfig.DEFAULTS);
        assertThat(Configs.defaults().stemPool(true).build()).isNotEqualTo(ResNet3dConfig.DEFAULTS);
    }
}
