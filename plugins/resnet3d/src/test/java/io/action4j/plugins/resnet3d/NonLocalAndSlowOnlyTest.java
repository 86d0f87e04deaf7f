package io.action4j.plugins.resnet3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Non-local blocks in resnet3d, and MMAction2's SlowOnly as a resnet3d config. */
class NonLocalAndSlowOnlyTest {

    /**
     * The transcription of ResNet3dSlowOnly (ResNet3d with conv1_kernel (1, 7, 7), conv1_stride_t 1,
     * pool1_stride_t 1, inflate (0, 0, 1, 1), with_pool2 False) in parity/make_parity_fixtures.py
     * ({@code --count}); with the 400-class fc_cls 32,454,096: MMAction2's "32.45M".
     */
    private static final long SLOWONLY_R50_BACKBONE_PARAMETERS = 31_634_496L;

    @Test
    void slowOnlyR50HasMmaction2sParameterCountAndKeepsTime() {
        ComponentGraph graph = Backbones.build(Configs.defaults().slowOnlyR50().build(), 4, 32, 32);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(SLOWONLY_R50_BACKBONE_PARAMETERS);
        assertThat(SLOWONLY_R50_BACKBONE_PARAMETERS + 2048 * 400 + 400).isEqualTo(32_454_096L);
        // 4x16x1: 4 frames in, 4 out; 224 x 224 would give 7 x 7, 32 x 32 gives 1 x 1.
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 2048, 4, 1, 1));
        assertThat(graph.parameter("conv1.conv.weight").shape()).containsExactly(1, 7, 7, 3, 64);
        assertThat(graph.parameter("layer2.3.conv1.conv.weight").shape()).containsExactly(1, 1, 1, 512, 128);
        assertThat(graph.parameter("layer3.0.conv1.conv.weight").shape()).containsExactly(3, 1, 1, 512, 256);
        assertThat(graph.parameter("layer4.2.conv2.conv.weight").shape()).containsExactly(1, 3, 3, 512, 512);
    }

    @Test
    void nonLocalBlocksFollowTheFlaggedBlocksWithMmaction2sNames() {
        ResNet3dConfig config = Configs.defaults().i3dR50().baseChannels(4)
                .nonLocal(List.of(0), List.of(0, 1, 0, 1), List.of(0, 1, 0, 1, 0, 1), List.of(0))
                .nonLocalSubSample(true).nonLocalUseScale(false).build();
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        // Stage 2 blocks are 16 wide: g / theta / phi to 8 channels, with bias; conv_out back to 16, no bias.
        assertThat(graph.parameter("layer2.1.non_local_block.g.0.conv.weight").shape()).containsExactly(1, 1, 1, 32, 16);
        assertThat(graph.parameter("layer2.1.non_local_block.g.0.conv.bias").shape()).containsExactly(16);
        assertThat(graph.parameter("layer2.1.non_local_block.theta.conv.weight").shape())
                .containsExactly(1, 1, 1, 32, 16);
        assertThat(graph.parameter("layer2.1.non_local_block.phi.0.conv.bias").shape()).containsExactly(16);
        assertThat(graph.parameter("layer2.1.non_local_block.conv_out.conv.weight").shape())
                .containsExactly(1, 1, 1, 16, 32);
        assertThat(graph.parameter("layer2.1.non_local_block.conv_out.bn.running_var").shape()).containsExactly(32);
        assertThat(graph.hasParameter("layer2.1.non_local_block.conv_out.conv.bias")).isFalse();
        assertThat(graph.hasParameter("layer2.0.non_local_block.theta.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer3.5.non_local_block.theta.conv.weight")).isTrue();
        assertThat(graph.hasParameter("layer3.4.non_local_block.theta.conv.weight")).isFalse();
        assertThat(graph.hasParameter("layer4.0.non_local_block.theta.conv.weight")).isFalse();
        // Time 8 -> stem 4 -> pool1 2 -> pool2 1.
        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(-1, 128, 1, 1, 1));
    }

    @Test
    void withoutSubSamplingTheKeysHaveNoSequentialIndex() {
        ResNet3dConfig config = Configs.defaults().i3dR50().baseChannels(2)
                .nonLocal(List.of(0), List.of(1), List.of(0), List.of(0)).build();
        ComponentGraph graph = Backbones.build(config, 8, 32, 32);

        assertThat(graph.hasParameter("layer2.0.non_local_block.g.conv.weight")).isTrue();
        assertThat(graph.hasParameter("layer2.0.non_local_block.phi.conv.bias")).isTrue();
        assertThat(graph.hasParameter("layer2.0.non_local_block.g.0.conv.weight")).isFalse();
    }

    /** MMAction2 zero-initialises conv_out's batch norm: a fresh block leaves the features as they are. */
    @Test
    void aFreshBlockWithItsOutputNormZeroedIsTheIdentity() {
        Configs base = Configs.defaults().i3dR50().baseChannels(2).stageBlocks(1, 1, 1, 1)
                .inflate(List.of(1), List.of(1), List.of(1), List.of(1));
        ComponentGraph plain = Backbones.build(base.build(), 8, 32, 32);
        ComponentGraph withNonLocal = Backbones.build(
                base.nonLocal(List.of(0), List.of(1), List.of(1), List.of(0)).nonLocalMode("dot_product").build(),
                8, 32, 32);
        withNonLocal.parameter("layer2.0.non_local_block.conv_out.bn.weight").assign(0);
        withNonLocal.parameter("layer3.0.non_local_block.conv_out.bn.weight").assign(0);
        Nd4j.getRandom().setSeed(3);
        INDArray clip = Nd4j.rand(DataType.FLOAT, 1, 3, 8, 32, 32);

        assertThat(withNonLocal.run(clip).sub(plain.run(clip)).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void configChecksTheNonLocalKeys() {
        assertThatThrownBy(() -> Configs.defaults().nonLocal(List.of(0), List.of(0), List.of(0)).build())
                .isInstanceOf(ConfigValueException.class)
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("nonLocal"));
        assertThatThrownBy(() -> Configs.defaults().nonLocal(List.of(0, 1, 0), List.of(0), List.of(0), List.of(0))
                .build())
                .isInstanceOf(ConfigValueException.class)
                .hasMessageContaining("stage 1");
        assertThatThrownBy(() -> Configs.defaults().nonLocalMode("gaussian").build())
                .isInstanceOf(ConfigValueException.class)
                .satisfies(e -> assertThat(((ConfigValueException) e).key()).isEqualTo("nonLocalMode"));
    }
}
