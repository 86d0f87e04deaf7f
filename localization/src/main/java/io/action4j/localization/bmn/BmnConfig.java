package io.action4j.localization.bmn;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * MMAction2's {@code BMN}, with its parameter names (camel case) and the defaults of its ActivityNet
 * config ({@code bmn_2xb8-400x100-9e_activitynet-feature}).
 *
 * @param temporalDim time steps of the (rescaled) feature sequence, and of each side of the
 *                    boundary-matching map ({@code temporal_dim})
 * @param boundaryRatio how far beyond each end of a candidate its features are sampled, as a share of
 *                      its length
 * @param numSamples sampling points per candidate in the boundary-matching layer
 * @param numSamplesPerBin interpolated points averaged into each sampling point
 * @param featDim channels of the input features ({@code feat_dim}; 400 for MMAction2's TSN features)
 * @param hiddenDim1d channels of the 1D modules (divisible by 4: the base and TEM convolutions have 4 groups)
 * @param hiddenDim2d channels of the 2D proposal evaluation module
 * @param hiddenDim3d channels out of the boundary-matching layer's 3D convolution
 * @param softNmsAlpha Gaussian decay of Soft-NMS
 * @param softNmsLowThreshold tIoU above which a short proposal's score decays
 * @param softNmsHighThreshold tIoU above which a proposal spanning the whole video decays (the
 *                             threshold grows linearly with the kept proposal's length)
 * @param postProcessTopK proposals kept per video
 */
public record BmnConfig(int temporalDim, double boundaryRatio, int numSamples, int numSamplesPerBin, int featDim,
        int hiddenDim1d, int hiddenDim2d, int hiddenDim3d, double softNmsAlpha, double softNmsLowThreshold,
        double softNmsHighThreshold, int postProcessTopK) {

    /** The 1D convolutions of the base and temporal evaluation modules have this many groups. */
    static final int GROUPS = 4;

    /** The sampling mask is one Java array: at most 1 GB of floats, eight times ActivityNet's. */
    static final long MAX_MASK_VALUES = 256L * 1024 * 1024;

    public static final BmnConfig ACTIVITYNET = new BmnConfig(100, 0.5, 32, 3, 400, 256, 128, 512, 0.4, 0.5, 0.9, 100);

    public BmnConfig {
        ConfigChecks.atLeast("temporalDim", temporalDim, 2);
        ConfigChecks.inRange("boundaryRatio", boundaryRatio, 0, 10);
        ConfigChecks.positive("numSamples", numSamples);
        ConfigChecks.positive("numSamplesPerBin", numSamplesPerBin);
        if (numSamples * numSamplesPerBin < 2) {
            throw new ConfigValueException("numSamples", "numSamples x numSamplesPerBin must be at least 2, got "
                    + numSamples + " x " + numSamplesPerBin);
        }
        long maskValues = (long) temporalDim * numSamples * temporalDim * temporalDim;
        if (maskValues > MAX_MASK_VALUES) {
            throw new ConfigValueException("temporalDim", "the boundary-matching layer's sampling mask holds temporalDim"
                    + " x numSamples x temporalDim x temporalDim values (" + temporalDim + " x " + numSamples + " x "
                    + temporalDim + " x " + temporalDim + " = " + maskValues + "), at most " + MAX_MASK_VALUES
                    + "; use a smaller temporalDim or numSamples (MMAction2's ActivityNet setting is 100 x 32)");
        }
        ConfigChecks.positive("featDim", featDim);
        if (featDim % GROUPS != 0) {
            throw new ConfigValueException("featDim", "must be divisible by " + GROUPS + " (grouped convolution), got "
                    + featDim);
        }
        ConfigChecks.positive("hiddenDim1d", hiddenDim1d);
        if (hiddenDim1d % GROUPS != 0) {
            throw new ConfigValueException("hiddenDim1d", "must be divisible by " + GROUPS + ", got " + hiddenDim1d);
        }
        ConfigChecks.positive("hiddenDim2d", hiddenDim2d);
        ConfigChecks.positive("hiddenDim3d", hiddenDim3d);
        if (!(softNmsAlpha > 0)) {
            throw new ConfigValueException("softNmsAlpha", "must be positive, got " + softNmsAlpha);
        }
        ConfigChecks.inRange("softNmsLowThreshold", softNmsLowThreshold, 0, 1);
        ConfigChecks.inRange("softNmsHighThreshold", softNmsHighThreshold, 0, 1);
        ConfigChecks.positive("postProcessTopK", postProcessTopK);
    }
}
