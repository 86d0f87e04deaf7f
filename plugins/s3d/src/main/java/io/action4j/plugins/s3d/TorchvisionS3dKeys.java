package io.action4j.plugins.s3d;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import java.util.List;

/**
 * torchvision's {@code s3d} checkpoints: the graph keeps torchvision's module paths ({@code features.*} in
 * the backbone, {@code classifier.1} in the {@code s3d} head), so only the scope is added.
 */
final class TorchvisionS3dKeys {

    static final CheckpointKeyMapping MAPPING = new CheckpointKeyMapping("torchvision_s3d", Layout.TORCH, List.of(
            Rule.of("^(features\\..+)$", "backbone/$1"),
            Rule.of("^(classifier\\.1\\.(?:weight|bias))$", "cls_head/$1")),
            List.of("features.0.0.0.weight"));

    private TorchvisionS3dKeys() {
    }
}
