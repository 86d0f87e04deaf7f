package io.action4j.plugins.flow;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * Config of {@code farneback}: {@code cv2.calcOpticalFlowFarneback}'s parameters, in OpenCV's names (camel case).
 * The defaults are those of OpenCV's sample and of most extraction scripts ({@code 0.5, 3, 15, 3, 5, 1.2, 0}).
 *
 * @param pyrScale each pyramid level's scale relative to the one below (below 1)
 * @param levels pyramid levels beyond the image itself (0: the image only)
 * @param winSize the averaging window, pixels: larger is more robust to noise and blurs motion more
 * @param iterations iterations at each pyramid level
 * @param polyN the neighbourhood of the polynomial expansion, pixels (OpenCV recommends 5 or 7)
 * @param polySigma the Gaussian's sigma that smooths the derivatives (1.1 for polyN 5, 1.5 for 7)
 * @param gaussian a Gaussian window instead of a box ({@code OPTFLOW_FARNEBACK_GAUSSIAN}): slower, more accurate
 * @param warpedFlow remove the camera's motion (a homography between the frames) before the flow
 */
public record FarnebackConfig(double pyrScale, int levels, int winSize, int iterations, int polyN, double polySigma,
                              boolean gaussian, boolean warpedFlow) {

    public static final FarnebackConfig DEFAULTS = new FarnebackConfig(0.5, 3, 15, 3, 5, 1.2, false, false);

    public FarnebackConfig {
        ConfigChecks.inRange("pyrScale", pyrScale, 0.05, 0.95);
        ConfigChecks.inRange("levels", levels, 0, 20);
        ConfigChecks.positive("winSize", winSize);
        ConfigChecks.positive("iterations", iterations);
        ConfigChecks.oneOf("polyN", polyN, List.of(5, 7));
        ConfigChecks.inRange("polySigma", polySigma, 0.1, 10);
    }
}
