package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ComponentGraph.Batch;
import io.action4j.testing.GraphBuilders;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.RecognizerGraph;
import io.action4j.testing.TorchLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** MMAction2's ResNet3dSlowFast, and the i3d head on it computing SlowFastHead. */
class SlowFastBackboneTest {

    private static final double TOLERANCE = 1e-4;

    /**
     * sum(p.numel()) of the transcription of ResNet3dSlowFast() in parity/make_parity_fixtures.py
     * ({@code --count}) at slowfast_r50.py's settings; with SlowFastHead's 400-class fc_cls
     * (2304 * 400 + 400) 34,479,288: MMAction2's "34.5M" for slowfast_r50_8xb8-4x16x1 (its 8x8x1
     * row, the same network with other ratios, says 34.6M).
     */
    private static final long SLOWFAST_R50_BACKBONE_PARAMETERS = 33_557_288L;

    /**
     * The fixture's network with the i3d head's layers ({@code cls_head/avg_pool}, {@code cls_head/fc_cls})
     * on it: the reference is MMAction2's SlowFast + SlowFastHead transcription; equal logits show
     * the i3d head on this backbone computes SlowFastHead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"slowfast", "slowfast_alt"})
    void backboneAndI3dHeadMatchSlowFastAndSlowFastHead(String variant) {
        ParityFixture fixture = ParityFixture.resource(SlowFastBackboneTest.class, variant);
        INDArray input = fixture.tensor("input");
        INDArray expected = fixture.tensor("output");
        // The i3d head (plugins/recognition-heads I3dHead): avg_pool then fc_cls.
        RecognizerGraph graph = RecognizerGraph.build(GraphBuilders.create(SameDiff.create(), 0),
                TensorShape.of(input.shape()), Batch.OPEN,
                new SlowFastBackboneFactory().create(FixtureConfigs.slowFastConfig(fixture))::build,
                (builder, features) -> builder.linear("fc_cls", builder.globalAveragePool("avg_pool", features),
                        fixture.config().get("numClasses").asInt(), 0.01));

        Set<String> loaded = graph.load(fixture.stateDict(List.of("input", "features", "output")),
                TorchLayout::conv3dNetwork);
        // Constants SameDiff makes for its own arithmetic (sd_var...) are no checkpoint entries.
        Set<String> all = graph.parameterNames(VariableType.VARIABLE);
        graph.parameterNames(VariableType.CONSTANT).stream()
                .filter(name -> name.substring(name.lastIndexOf('/') + 1).contains("."))
                .forEach(all::add);
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(all);

        Map<String, INDArray> out = graph.run(input);
        INDArray expectedFeatures = fixture.tensor("features");
        INDArray ourFeatures = out.get(RecognizerGraph.FEATURES);
        assertThat(ourFeatures.shape()).containsExactly(expectedFeatures.shape()[0], expectedFeatures.shape()[1], 1, 1, 1);
        double featureDiff = ourFeatures.reshape(expectedFeatures.shape()).sub(expectedFeatures).amaxNumber().doubleValue();
        INDArray ourLogits = out.get(RecognizerGraph.LOGITS);
        assertThat(ourLogits.shape()).containsExactly(expected.shape());
        double logitDiff = ourLogits.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity %-20s max |ours - reference| features %.3g, logits %.3g (logits max |y| %.3g)%n",
                variant, featureDiff, logitDiff, expected.amaxNumber().doubleValue());
        assertThat(featureDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(logitDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    @Test
    void defaultsHaveMmaction2sSlowFastR50ParameterCountAndNames() {
        // The smallest clip the full network builds on: 8 frames (one slow frame), 32 x 32.
        ComponentGraph graph = Backbones.build(new SlowFastBackbone(SlowFastConfig.DEFAULTS), 0, 3, 8, 32, 32);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(SLOWFAST_R50_BACKBONE_PARAMETERS);
        assertThat(SLOWFAST_R50_BACKBONE_PARAMETERS + 2304 * 400 + 400).isEqualTo(34_479_288L);
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 2304, 1, 1, 1));
        // ND4J's conv3d layout is kT, kH, kW, inC, outC; 64 slow + 8 * 2 lateral channels into layer1.
        assertThat(graph.parameter("slow_path.conv1.conv.weight").shape()).containsExactly(1, 7, 7, 3, 64);
        assertThat(graph.parameter("fast_path.conv1.conv.weight").shape()).containsExactly(5, 7, 7, 3, 8);
        assertThat(graph.parameter("slow_path.conv1_lateral.conv.weight").shape()).containsExactly(5, 1, 1, 8, 16);
        assertThat(graph.parameter("slow_path.layer1.0.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 80, 64);
        assertThat(graph.parameter("slow_path.layer1.0.downsample.conv.weight").shape()).containsExactly(1, 1, 1, 80, 256);
        assertThat(graph.parameter("slow_path.layer1_lateral.conv.weight").shape()).containsExactly(5, 1, 1, 32, 64);
        assertThat(graph.parameter("slow_path.layer3_lateral.conv.weight").shape()).containsExactly(5, 1, 1, 128, 256);
        assertThat(graph.parameter("slow_path.layer4.0.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 1280, 512);
        assertThat(graph.parameter("slow_path.layer2.0.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 320, 128);
        assertThat(graph.parameter("fast_path.layer1.0.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 8, 8);
        assertThat(graph.hasParameter("slow_path.layer4_lateral.conv.weight")).isFalse();
        assertThat(graph.hasParameter("fast_path.conv1_lateral.conv.weight")).isFalse();
        assertThat(graph.hasParameter("slow_path.conv1_lateral.bn.weight")).isFalse();
    }

    @Test
    void slowPathwayTakesEveryResampleRateThFrame() {
        // Without laterals (which need the fast pathway's frames to line up) any clip length builds.
        SlowFastConfig lateral = small(8, 8, 8, 16, 2);
        SlowFastConfig config = new SlowFastConfig(8, 8, 8, 5, 2, false, false, lateral.slowPathway(),
                lateral.fastPathway());
        ComponentGraph graph = Backbones.build(new SlowFastBackbone(config), 0, 3, 35, 32, 32);
        INDArray clip = Nd4j.zeros(DataType.FLOAT, 1, 3, 35, 32, 32);
        for (int t = 0; t < 35; t++) {
            clip.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(t);
        }
        INDArray picked = graph.sameDiff().output(Map.of(ComponentGraph.INPUT, clip), "backbone/slow_path.resample")
                .get("backbone/slow_path.resample");
        // interpolate(scale_factor=1/8) on 35 frames: floor(35 / 8) = 4 frames, 0, 8, 16, 24.
        assertThat(picked.shape()).containsExactly(1, 3, 4, 32, 32);
        for (int t = 0; t < 4; t++) {
            assertThat(picked.getDouble(0, 0, t, 0, 0)).isEqualTo(8.0 * t);
        }
        assertThat(graph.sameDiff().hasVariable("backbone/fast_path.resample")).isFalse();
    }

    @Test
    void pathwayWidthsThatDoNotMatchTheChannelRatioFailNamingTheLateral() {
        SlowFastConfig config = small(8, 8, 8, 16, 4);
        assertThatThrownBy(() -> Backbones.build(new SlowFastBackbone(config), 0, 3, 16, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/slow_path.conv1_lateral")
                .hasMessageContaining("channelRatio");
    }

    @Test
    void tooFewFramesForTheResampleRateFail() {
        assertThatThrownBy(() -> Backbones.build(new SlowFastBackbone(small(8, 8, 8, 16, 2)), 0, 3, 4, 32, 32))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/slow_path.resample");
    }

    @Test
    void configRejectsWhatMmaction2sForwardDoesNotDo() {
        SlowFastConfig d = SlowFastConfig.DEFAULTS;
        ResNet3dConfig withPool2 = Configs.of(SlowFastConfig.SLOW_PATHWAY).withPool2(true).build();
        assertThatThrownBy(() -> new SlowFastConfig(8, 8, 8, 5, 2, true, false, withPool2, d.fastPathway()))
                .isInstanceOf(ConfigValueException.class)
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("slowPathway.withPool2"));
        ResNet3dConfig noPool = Configs.of(SlowFastConfig.FAST_PATHWAY).stemPool(false).build();
        assertThatThrownBy(() -> new SlowFastConfig(8, 8, 8, 5, 2, true, false, d.slowPathway(), noPool))
                .isInstanceOf(ConfigValueException.class)
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("fastPathway.stemPool"));
        assertThatThrownBy(() -> new SlowFastConfig(4, 8, 8, 5, 2, true, false, d.slowPathway(), d.fastPathway()))
                .isInstanceOf(ConfigValueException.class)
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("resampleRate"));
    }

    @Test
    void withoutLateralsThePathwaysAreIndependent() {
        SlowFastConfig lateral = small(8, 8, 8, 16, 2);
        SlowFastConfig none = new SlowFastConfig(8, 8, 8, 5, 2, false, false, lateral.slowPathway(),
                lateral.fastPathway());
        ComponentGraph graph = Backbones.build(new SlowFastBackbone(none), 0, 3, 16, 32, 32);

        assertThat(graph.hasParameter("slow_path.conv1_lateral.conv.weight")).isFalse();
        assertThat(graph.parameter("slow_path.layer1.0.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 16, 16);
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 8 * 4 * 2 + 16 * 8 * 4, 1, 1, 1));
    }

    /** One block a stage, slow and fast widths as given. */
    private static SlowFastConfig small(int resample, int speed, int ratio, int slowWidth, int fastWidth) {
        ResNet3dConfig slow = Configs.of(SlowFastConfig.SLOW_PATHWAY).baseChannels(slowWidth).stageBlocks(1, 1, 1, 1)
                .build();
        ResNet3dConfig fast = Configs.of(SlowFastConfig.FAST_PATHWAY).baseChannels(fastWidth).stageBlocks(1, 1, 1, 1)
                .build();
        return new SlowFastConfig(resample, speed, ratio, 5, 2, true, false, slow, fast);
    }
}
