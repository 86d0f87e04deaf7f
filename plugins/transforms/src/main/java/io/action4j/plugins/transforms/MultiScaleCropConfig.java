package io.action4j.plugins.transforms;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code MultiScaleCrop} (it only crops; a {@code resize} to the input size follows in
 * pipelines).
 *
 * @param inputSize network input {@code [w, h]} or one value for a square; a crop side within 2
 *     pixels of it snaps to it. Required in MMAction2; default here [224, 224]
 * @param scales crop sides as shares of the frame's short side; default [1.0]
 * @param maxWhScaleGap largest allowed distance between the scale indexes of w and h; default 1
 * @param randomCrop random offsets instead of the fixed grid; default false
 * @param numFixedCrops 5 (corners + centre) or 13 (plus 8 more grid points); default 5
 */
public record MultiScaleCropConfig(List<Integer> inputSize, List<Double> scales, int maxWhScaleGap,
                                   boolean randomCrop, int numFixedCrops) {

    public static final MultiScaleCropConfig DEFAULTS =
            new MultiScaleCropConfig(List.of(224, 224), List.of(1.0), 1, false, 5);

    public MultiScaleCropConfig {
        inputSize = SizePair.check("inputSize", inputSize);
        if (scales == null || scales.isEmpty() || scales.stream().anyMatch(s -> s == null || !(s > 0 && s <= 1))) {
            throw new ConfigValueException("scales", "must hold shares in (0, 1], got " + scales);
        }
        scales = List.copyOf(scales);
        ConfigChecks.atLeast("maxWhScaleGap", maxWhScaleGap, 0);
        ConfigChecks.oneOf("numFixedCrops", numFixedCrops, List.of(5, 13));
    }
}
