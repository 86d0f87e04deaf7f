package io.action4j.plugins.transforms;

import java.util.List;

/**
 * MMAction2's {@code CenterCrop}.
 *
 * @param cropSize {@code [w, h]}, or one value for a square. Required in MMAction2; default here [224, 224]
 */
public record CenterCropConfig(List<Integer> cropSize) {

    public static final CenterCropConfig DEFAULTS = new CenterCropConfig(List.of(224, 224));

    public CenterCropConfig {
        cropSize = SizePair.check("cropSize", cropSize);
    }
}
