package io.action4j.plugins.transforms;

import java.util.List;

/**
 * MMAction2's {@code TenCrop} (test-time corners + centre, each with its flipped copy).
 *
 * @param cropSize {@code [w, h]}, or one value for a square. Required in MMAction2; default here [224, 224]
 */
public record TenCropConfig(List<Integer> cropSize) {

    public static final TenCropConfig DEFAULTS = new TenCropConfig(List.of(224, 224));

    public TenCropConfig {
        cropSize = SizePair.check("cropSize", cropSize);
    }
}
