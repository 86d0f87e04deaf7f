package io.action4j.plugins.flow;

import io.action4j.api.ConfigChecks;

/**
 * Config of {@code tvl1}: {@code cv2.optflow.DualTVL1OpticalFlow_create}'s parameters (Zach, Pock and Bischof's
 * TV-L1 as OpenCV's contrib module has it, the flow of the two-stream and TSN papers), with OpenCV's defaults.
 *
 * @param tau the time step of the numerical scheme
 * @param lambda the weight of the data term: smaller gives smoother flow
 * @param theta the coupling of the two sub-problems
 * @param scales pyramid scales
 * @param warps warpings per scale (of the image by the current flow, not camera motion: see {@code warpedFlow})
 * @param epsilon the stopping threshold
 * @param innerIterations inner iterations per warping
 * @param outerIterations outer iterations per warping
 * @param scaleStep each scale's size relative to the one below
 * @param gamma the weight of the illumination term (0: none)
 * @param medianFiltering the median filter's size applied to the flow between warpings (odd; 1 or less: none)
 * @param warpedFlow remove the camera's motion (a homography between the frames) before the flow
 */
public record TvL1Config(double tau, double lambda, double theta, int scales, int warps, double epsilon,
                         int innerIterations, int outerIterations, double scaleStep, double gamma,
                         int medianFiltering, boolean warpedFlow) {

    public static final TvL1Config DEFAULTS = new TvL1Config(0.25, 0.15, 0.3, 5, 5, 0.01, 30, 10, 0.8, 0.0, 5,
            false);

    public TvL1Config {
        ConfigChecks.inRange("tau", tau, 1e-6, 1);
        ConfigChecks.inRange("lambda", lambda, 1e-6, 1e6);
        ConfigChecks.inRange("theta", theta, 1e-6, 1e6);
        ConfigChecks.positive("scales", scales);
        ConfigChecks.positive("warps", warps);
        ConfigChecks.inRange("epsilon", epsilon, 1e-9, 10);
        ConfigChecks.positive("innerIterations", innerIterations);
        ConfigChecks.positive("outerIterations", outerIterations);
        ConfigChecks.inRange("scaleStep", scaleStep, 0.05, 0.99);
        ConfigChecks.inRange("gamma", gamma, 0, 1e6);
        ConfigChecks.atLeast("medianFiltering", medianFiltering, 0);
    }
}
