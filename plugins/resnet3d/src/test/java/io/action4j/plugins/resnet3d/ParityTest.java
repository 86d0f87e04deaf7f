package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: small networks built by
 * {@code parity/make_parity_fixtures.py} from torchvision's own blocks (or from its transcription of
 * MMAction2's ResNet3d), with random weights and random batch-norm statistics.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    /**
     * torchvision's three video ResNets, and MMAction2's I3D ResNet-50 ({@code i3d}: 3x1x1
     * inflation; {@code i3d_3x3x3}) from the transcription of its ResNet3d in the fixture script,
     * and that I3D with mmcv's NonLocal3d blocks ({@code i3d_nl_*}: embedded_gaussian with
     * sub-sampling and without scaling as MMAction2's I3D-NL configs, embedded_gaussian scaled without
     * sub-sampling, dot_product), every weight random (conv_out's batch norm included).
     */
    @ParameterizedTest
    @ValueSource(strings = {"r3d", "mc3", "r2plus1d", "r3d_bottleneck", "r2plus1d_bottleneck", "i3d", "i3d_3x3x3",
            "i3d_nl_embedded", "i3d_nl_embedded_scaled", "i3d_nl_dot"})
    void backboneMatchesTheReference(String variant) {
        TorchFixture fixture = TorchFixture.load(variant);
        ResNet3dConfig config = fixture.resNet3dConfig();
        long[] in = fixture.input().shape();
        BackboneGraph graph = BackboneGraph.build(config, 0, in[1], in[2], in[3], in[4]);
        boolean factorisedStem = config.convolutions().factorisedStem();
        UnaryOperator<String> graphName = TorchFixture.MMACTION2_NAMES.equals(fixture.names())
                ? UnaryOperator.identity()
                : key -> TorchvisionNames.graphName(key, factorisedStem);

        Set<String> loaded = load(graph, fixture.stateDict(), graphName);
        INDArray output = graph.run(fixture.input());

        // Every parameter and running statistic came from the reference, none kept its initial value.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(parametersAndBuffers(graph));
        assertThat(output.shape()).containsExactly(fixture.output().shape());
        double maxDiff = output.sub(fixture.output()).amaxNumber().doubleValue();
        System.out.printf("parity %-20s max |ours - reference| = %.3g (output max |y| %.3g)%n", variant, maxDiff,
                fixture.output().amaxNumber().doubleValue());
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
        // A comparison of near-zero outputs would prove little.
        assertThat(fixture.output().stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    /** Sets the graph's arrays from the reference's state dict; returns the graph names it set. */
    static Set<String> load(BackboneGraph graph, Map<String, INDArray> stateDict,
                                    UnaryOperator<String> graphName) {
        Set<String> loaded = new HashSet<>();
        stateDict.forEach((key, value) -> {
            String name = BackboneGraph.PARAMETER_SCOPE + graphName.apply(key);
            SDVariable variable = graph.sameDiff().getVariable(name);
            assertThat(variable).as("graph variable for the reference's %s", key).isNotNull();
            // torch conv3d weights are out, in, kT, kH, kW; ND4J's are kT, kH, kW, in, out.
            INDArray array = value.rank() == 5 ? value.permute(2, 3, 4, 1, 0).dup('c') : value;
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        return loaded;
    }

    static Set<String> parametersAndBuffers(BackboneGraph graph) {
        Set<String> names = new HashSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                names.add(variable.name());
            }
        }
        return names;
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
