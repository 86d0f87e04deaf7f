package io.action4j.plugins.transforms;

import java.util.List;

/**
 * MMAction2's {@code ThreeCrop} (test-time crops along the long side).
 *
 * @param cropSize {@code [w, h]}, or one value for a square. Required in MMAction2; default here [224, 224]
 */
public record ThreeCropConfig(List<Integer> cropSize) {

    public static final ThreeCropConfig DEFAULTS = new ThreeCropConfig(List.of(224, 224));

    public ThreeCropConfig {
        cropSize = SizePair.check("cropSize", cropSize);
    }
}
