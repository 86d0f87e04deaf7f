package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * The 2D ResNet inside a fusion backbone ({@code trunk:} in its config): {@link ResNet2dConfig}'s keys
 * without those the fusion backbone decides (the input channels follow from the frames it stacks; no
 * temporal shift; style pytorch).
 *
 * @param depth 18 or 34 (basic blocks), 50, 101 or 152 (bottleneck blocks)
 * @param stageBlocks blocks in each of the four stages; empty: the depth's
 * @param baseChannels width of the stem and the first stage; each stage doubles it
 * @param strides stride of the first block of each stage
 * @param bnEpsilon batch-norm epsilon
 */
public record Trunk2dConfig(int depth, List<Integer> stageBlocks, int baseChannels, List<Integer> strides,
                            double bnEpsilon) {

    public static final Trunk2dConfig DEFAULTS = new Trunk2dConfig(18, List.of(), 64, List.of(1, 2, 2, 2), 1e-5);

    public Trunk2dConfig {
        ConfigChecks.oneOf("depth", depth, ResNet2dConfig.DEPTHS);
        stageBlocks = ConfigChecks.required("stageBlocks", stageBlocks).isEmpty()
                ? List.of()
                : ConfigChecks.positiveList("stageBlocks", stageBlocks, 4);
        ConfigChecks.positive("baseChannels", baseChannels);
        strides = ConfigChecks.positiveList("strides", strides, 4);
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }

    /** The ResNet this trunk is, on frames of {@code inChannels} channels. */
    ResNet2dConfig resnet(int inChannels) {
        return new ResNet2dConfig(depth, stageBlocks, inChannels, baseChannels, strides, "pytorch", 0, bnEpsilon);
    }
}
