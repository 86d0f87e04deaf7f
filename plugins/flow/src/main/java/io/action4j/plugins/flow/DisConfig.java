package io.action4j.plugins.flow;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Config of {@code dis}: Kroeger et al.'s Dense Inverse Search, {@code cv2.DISOpticalFlow_create(preset)}, with
 * the preset's settings overridable one by one (a key left null keeps the preset's value).
 *
 * @param preset {@code ultrafast}, {@code fast} or {@code medium} (OpenCV's presets)
 * @param finestScale the finest pyramid level computed (0: full resolution)
 * @param patchSize the patch size, pixels
 * @param patchStride the stride between patches, pixels
 * @param gradientDescentIterations iterations of the patch search per scale
 * @param variationalRefinementIterations iterations of the variational refinement per scale (0: none)
 * @param variationalRefinementAlpha the smoothness weight of the refinement
 * @param variationalRefinementDelta the colour-constancy weight of the refinement
 * @param variationalRefinementGamma the gradient-constancy weight of the refinement
 * @param useMeanNormalization normalise patches by their means (robust to illumination changes)
 * @param useSpatialPropagation propagate good patches to their neighbours
 * @param warpedFlow remove the camera's motion (a homography between the frames) before the flow
 */
public record DisConfig(String preset, Integer finestScale, Integer patchSize, Integer patchStride,
                        Integer gradientDescentIterations, Integer variationalRefinementIterations,
                        Double variationalRefinementAlpha, Double variationalRefinementDelta,
                        Double variationalRefinementGamma, Boolean useMeanNormalization,
                        Boolean useSpatialPropagation, boolean warpedFlow) {

    public static final List<String> PRESETS = List.of("ultrafast", "fast", "medium");

    public static final DisConfig DEFAULTS = new DisConfig("fast", null, null, null, null, null, null, null, null,
            null, null, false);

    public DisConfig {
        ConfigChecks.oneOf("preset", preset, PRESETS);
        if (finestScale != null) {
            ConfigChecks.inRange("finestScale", finestScale, 0, 10);
        }
        if (patchSize != null) {
            ConfigChecks.positive("patchSize", patchSize);
        }
        if (patchStride != null) {
            ConfigChecks.positive("patchStride", patchStride);
            if (patchSize != null && patchStride > patchSize) {
                throw new ConfigValueException("patchStride", "must be at most patchSize (" + patchSize + "), got "
                        + patchStride);
            }
        }
        if (gradientDescentIterations != null) {
            ConfigChecks.positive("gradientDescentIterations", gradientDescentIterations);
        }
        if (variationalRefinementIterations != null) {
            ConfigChecks.atLeast("variationalRefinementIterations", variationalRefinementIterations, 0);
        }
        checkWeight("variationalRefinementAlpha", variationalRefinementAlpha);
        checkWeight("variationalRefinementDelta", variationalRefinementDelta);
        checkWeight("variationalRefinementGamma", variationalRefinementGamma);
    }

    private static void checkWeight(String key, Double weight) {
        if (weight != null) {
            ConfigChecks.inRange(key, weight, 0, 1e6);
        }
    }

    /** OpenCV's {@code DISOpticalFlow::PRESET_*} for {@link #preset()}: 0, 1, 2. */
    int presetCode() {
        return PRESETS.indexOf(preset);
    }
}
