package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: small networks built by
 * {@code parity/make_parity_fixtures.py} from torchvision's own blocks (or from its transcription of
 * MMAction2's ResNet3d), with random weights and random batch-norm statistics.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    /** The manifest's {@code names} of a fixture whose keys are already MMAction2's (and so this backbone's). */
    private static final String MMACTION2_NAMES = "mmaction2";

    /**
     * torchvision's three video ResNets, and MMAction2's I3D ResNet-50 ({@code i3d}: 3x1x1
     * inflation; {@code i3d_3x3x3}) from the transcription of its ResNet3d in the fixture script,
     * and that I3D with mmcv's NonLocal3d blocks ({@code i3d_nl_*}: embedded_gaussian with
     * sub-sampling and without scaling as MMAction2's I3D-NL configs, embedded_gaussian scaled without
     * sub-sampling, dot_product), every weight random (conv_out's batch norm included), and MMAction2's
     * ResNet2Plus1d ({@code r2plus1d_mmaction2}: Conv2plus1d everywhere, the shortcut projections included,
     * under MMAction2's keys).
     */
    @ParameterizedTest
    @ValueSource(strings = {"r3d", "mc3", "r2plus1d", "r3d_bottleneck", "r2plus1d_bottleneck", "i3d", "i3d_3x3x3",
            "i3d_nl_embedded", "i3d_nl_embedded_scaled", "i3d_nl_dot", "r2plus1d_mmaction2"})
    void backboneMatchesTheReference(String variant) {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, variant);
        ResNet3dConfig config = FixtureConfigs.resNet3dConfig(fixture);
        INDArray input = fixture.tensor("input");
        INDArray expected = fixture.tensor("output");
        ComponentGraph graph = ComponentGraph.backbone(new ResNet3dBackboneFactory().create(config), 0,
                TensorShape.of(input.shape()));
        boolean factorisedStem = config.convolutions().factorisedStem();
        // The fixture's keys are torchvision's unless its manifest says they are MMAction2's (this backbone's).
        UnaryOperator<String> graphName = MMACTION2_NAMES.equals(fixture.manifest().path("names").asText())
                ? UnaryOperator.identity()
                : key -> TorchvisionNames.graphName(key, factorisedStem);

        Map<String, INDArray> stateDict = new LinkedHashMap<>();
        fixture.stateDict(List.of("input", "output"))
                .forEach((key, value) -> stateDict.put(graphName.apply(key), value));
        // torch conv3d weights are out, in, kT, kH, kW; ND4J's are kT, kH, kW, in, out.
        Set<String> loaded = graph.load(stateDict, TorchLayout::conv3dNetwork);
        INDArray output = graph.run(input);

        // Every parameter and running statistic came from the reference, none kept its initial value.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        assertThat(output.shape()).containsExactly(expected.shape());
        double maxDiff = output.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity %-20s max |ours - reference| = %.3g (output max |y| %.3g)%n", variant, maxDiff,
                expected.amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        // A comparison of near-zero outputs would prove little.
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    @Test
    void torchvisionKeysMapToMmaction2Names() {
        assertThat(TorchvisionNames.graphName("stem.0.weight", false)).isEqualTo("conv1.conv.weight");
        assertThat(TorchvisionNames.graphName("stem.1.running_var", false)).isEqualTo("conv1.bn.running_var");
        assertThat(TorchvisionNames.graphName("stem.1.weight", true)).isEqualTo("conv1.bn_s.weight");
        assertThat(TorchvisionNames.graphName("stem.3.weight", true)).isEqualTo("conv1.conv_t.weight");
        assertThat(TorchvisionNames.graphName("stem.4.bias", true)).isEqualTo("conv1.bn.bias");
        assertThat(TorchvisionNames.graphName("layer1.0.conv1.0.weight", false)).isEqualTo("layer1.0.conv1.conv.weight");
        assertThat(TorchvisionNames.graphName("layer1.0.conv2.1.running_mean", false))
                .isEqualTo("layer1.0.conv2.bn.running_mean");
        assertThat(TorchvisionNames.graphName("layer2.0.conv1.0.0.weight", true)).isEqualTo("layer2.0.conv1.conv_s.weight");
        assertThat(TorchvisionNames.graphName("layer2.0.conv1.0.1.bias", true)).isEqualTo("layer2.0.conv1.bn_s.bias");
        assertThat(TorchvisionNames.graphName("layer2.0.conv1.0.3.weight", true)).isEqualTo("layer2.0.conv1.conv_t.weight");
        assertThat(TorchvisionNames.graphName("layer2.0.conv1.1.weight", true)).isEqualTo("layer2.0.conv1.bn.weight");
        assertThat(TorchvisionNames.graphName("layer3.0.downsample.0.weight", true))
                .isEqualTo("layer3.0.downsample.conv.weight");
        assertThat(TorchvisionNames.graphName("layer3.0.downsample.1.running_var", true))
                .isEqualTo("layer3.0.downsample.bn.running_var");
        assertThat(TorchvisionNames.graphName("layer4.0.conv3.1.weight", false)).isEqualTo("layer4.0.conv3.bn.weight");
    }
}
