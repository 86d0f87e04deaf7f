package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * MMAction2's {@code ResNet} (TSN) and {@code ResNetTSM} (TSM): torchvision's 2D ResNet applied to
 * every frame of the clip. The defaults build TSN's ResNet-50: a 7x7 stem with stride 2 and a 3x3
 * max pool, then four stages of bottleneck blocks.
 *
 * <p>Segments: MMAction2 feeds its 2D recognizers {@code N x num_segs} frames; here the clip's time
 * axis holds the segments, so a TSN clip of 8 segments is {@code N x 3 x 8 x H x W} and there is no
 * {@code num_segments} key: the temporal shift takes the clip's T.
 *
 * @param depth 18 or 34 (basic blocks), 50, 101 or 152 (bottleneck blocks)
 * @param stageBlocks blocks in each of the four stages; empty: the depth's (3, 4, 6, 3 for 50).
 *     The block type still follows {@code depth}. For small test networks
 * @param inChannels channels of the input frames (3 for RGB)
 * @param baseChannels width of the stem and the first stage (64 in MMAction2); each stage doubles it
 * @param strides stride of the first block of each stage (MMAction2's {@code strides})
 * @param style {@code pytorch}: a bottleneck strides in its 3x3 convolution; {@code caffe}: in its
 *     first 1x1 one (basic blocks always stride in their first 3x3)
 * @param shiftDiv TSM's {@code shift_div}: a temporal shift moves {@code 2 / shiftDiv} of the
 *     channels one segment before the first convolution of each residual branch
 *     ({@code shift_place='blockres'}); 0 turns it off (TSN, {@code is_shift=False}). TSM uses 8
 * @param bnEpsilon batch-norm epsilon
 */
public record ResNet2dConfig(int depth, List<Integer> stageBlocks, int inChannels, int baseChannels,
                             List<Integer> strides, String style, int shiftDiv, double bnEpsilon) {

    static final List<Integer> DEPTHS = List.of(18, 34, 50, 101, 152);
    static final List<String> STYLES = List.of("pytorch", "caffe");

    public static final ResNet2dConfig DEFAULTS = new ResNet2dConfig(50, List.of(), 3, 64, List.of(1, 2, 2, 2),
            "pytorch", 0, 1e-5);

    public ResNet2dConfig {
        ConfigChecks.oneOf("depth", depth, DEPTHS);
        stageBlocks = ConfigChecks.required("stageBlocks", stageBlocks).isEmpty()
                ? List.of()
                : ConfigChecks.positiveList("stageBlocks", stageBlocks, 4);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("baseChannels", baseChannels);
        strides = ConfigChecks.positiveList("strides", strides, 4);
        ConfigChecks.oneOf("style", ConfigChecks.required("style", style), STYLES);
        ConfigChecks.atLeast("shiftDiv", shiftDiv, 0);
        ConfigChecks.inRange("bnEpsilon", bnEpsilon, 0, 1);
    }

    /** Blocks per stage: {@link #stageBlocks} if set, else the depth's. */
    List<Integer> blocksPerStage() {
        if (!stageBlocks.isEmpty()) {
            return stageBlocks;
        }
        return switch (depth) {
            case 18 -> List.of(2, 2, 2, 2);
            case 34, 50 -> List.of(3, 4, 6, 3);
            case 101 -> List.of(3, 4, 23, 3);
            case 152 -> List.of(3, 8, 36, 3);
            default -> throw new IllegalStateException("unsupported depth " + depth);
        };
    }

    /** Bottleneck blocks (1x1, 3x3, 1x1 four times wider) from depth 50 on, basic blocks below. */
    boolean bottleneck() {
        return depth >= 50;
    }

    boolean shifted() {
        return shiftDiv > 0;
    }

    /**
     * Whether block {@code block} of a stage gets a temporal shift. As ResNetTSM's 'blockres': every
     * block, or every second one when the third stage is very deep (23 blocks or more: depth 101, 152).
     */
    boolean shiftsBlock(int block) {
        int every = blocksPerStage().get(2) >= 23 ? 2 : 1;
        return shifted() && block % every == 0;
    }
}
