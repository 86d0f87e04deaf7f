package io.action4j.plugins.resnet3d;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import java.util.List;

/**
 * torchvision's video ResNet checkpoints ({@code torchvision.models.video}: {@code r3d_18}, {@code mc3_18},
 * {@code r2plus1d_18}) in this backbone's MMAction2 names, with the classifier {@code fc} as the {@code i3d}
 * head's {@code fc_cls}.
 */
final class TorchvisionKeyMappings {

    private static final String BLOCK = "^(layer\\d+\\.\\d+)\\.";
    private static final String PARAM = "\\.(\\w+)$";

    /** {@code r3d_18} and {@code mc3_18} ({@code VideoResNet} with {@code BasicStem}). */
    static final CheckpointKeyMapping VIDEO_RESNET = new CheckpointKeyMapping("torchvision_video_resnet", Layout.TORCH,
            List.of(
                    Rule.of("^stem\\.0\\.weight$", "backbone/conv1.conv.weight"),
                    Rule.of("^stem\\.1" + PARAM, "backbone/conv1.bn.$1"),
                    Rule.of(BLOCK + "(conv\\d+)\\.0" + PARAM, "backbone/$1.$2.conv.$3"),
                    Rule.of(BLOCK + "(conv\\d+)\\.1" + PARAM, "backbone/$1.$2.bn.$3"),
                    Rule.of(BLOCK + "downsample\\.0" + PARAM, "backbone/$1.downsample.conv.$2"),
                    Rule.of(BLOCK + "downsample\\.1" + PARAM, "backbone/$1.downsample.bn.$2"),
                    Rule.of("^fc" + PARAM, "cls_head/fc_cls.$1")),
            List.of("stem.0.weight"));

    /**
     * {@code r2plus1d_18}: the stem and each {@code Conv2Plus1D} are a spatial conv, batch norm, ReLU and
     * temporal conv ({@code stem.0/1/3/4}, {@code convK.0.0/0.1/0.3} then the block's batch norm
     * {@code convK.1}), named {@code conv_s / bn_s / conv_t / bn} in the graph.
     */
    static final CheckpointKeyMapping R2PLUS1D = new CheckpointKeyMapping("torchvision_r2plus1d", Layout.TORCH, List.of(
            Rule.of("^stem\\.0\\.weight$", "backbone/conv1.conv_s.weight"),
            Rule.of("^stem\\.1" + PARAM, "backbone/conv1.bn_s.$1"),
            Rule.of("^stem\\.3\\.weight$", "backbone/conv1.conv_t.weight"),
            Rule.of("^stem\\.4" + PARAM, "backbone/conv1.bn.$1"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.0" + PARAM, "backbone/$1.$2.conv_s.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.1" + PARAM, "backbone/$1.$2.bn_s.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.3" + PARAM, "backbone/$1.$2.conv_t.$3"),
            // A bottleneck's 1x1x1 convolutions stay plain (conv1, conv3).
            Rule.of(BLOCK + "(conv\\d+)\\.0" + PARAM, "backbone/$1.$2.conv.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.1" + PARAM, "backbone/$1.$2.bn.$3"),
            Rule.of(BLOCK + "downsample\\.0" + PARAM, "backbone/$1.downsample.conv.$2"),
            Rule.of(BLOCK + "downsample\\.1" + PARAM, "backbone/$1.downsample.bn.$2"),
            Rule.of("^fc" + PARAM, "cls_head/fc_cls.$1")),
            List.of("stem.0.weight", "stem.3.weight"));

    static final List<CheckpointKeyMapping> ALL = List.of(VIDEO_RESNET, R2PLUS1D);

    private TorchvisionKeyMappings() {
    }
}
