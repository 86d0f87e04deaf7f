package io.action4j.localization.bsn;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * BSN's temporal evaluation module (MMAction2's {@code TEM}) as a localizer on its own: actionness,
 * start and end probabilities per step, proposals from start-end pairs (BSN's candidate generation)
 * scored by start x end, then Soft-NMS. The baseline BMN is compared with. Parameter names as
 * MMAction2's (camel case); defaults of its ActivityNet TEM config, the post-processing of its BMN's.
 *
 * @param temporalDim time steps of the (rescaled) feature sequence
 * @param featDim channels of the input features ({@code tem_feat_dim})
 * @param hiddenDim channels of its two hidden convolutions ({@code tem_hidden_dim})
 * @param boundaryRatio the start and end regions' width as a share of the segment ({@code boundary_ratio})
 * @param matchThreshold a step is a positive where its target exceeds this ({@code tem_match_threshold})
 * @param actionLossWeight the actionness loss's weight ({@code loss_weight})
 * @param peakThreshold a step is a boundary candidate when it is a local maximum or above this share of the
 *                      highest probability ({@code peak_threshold} of BSN's proposal generation)
 */
public record TemConfig(int temporalDim, int featDim, int hiddenDim, double boundaryRatio, double matchThreshold,
        double actionLossWeight, double peakThreshold, double softNmsAlpha, double softNmsLowThreshold,
        double softNmsHighThreshold, int postProcessTopK) {

    public static final TemConfig ACTIVITYNET = new TemConfig(100, 400, 512, 0.1, 0.5, 2, 0.5, 0.4, 0.5, 0.9, 100);

    public TemConfig {
        ConfigChecks.atLeast("temporalDim", temporalDim, 2);
        ConfigChecks.positive("featDim", featDim);
        ConfigChecks.positive("hiddenDim", hiddenDim);
        ConfigChecks.inRange("boundaryRatio", boundaryRatio, 0, 1);
        ConfigChecks.inRange("matchThreshold", matchThreshold, 0, 1);
        ConfigChecks.inRange("actionLossWeight", actionLossWeight, 0, 1000);
        ConfigChecks.inRange("peakThreshold", peakThreshold, 0, 1);
        if (!(softNmsAlpha > 0)) {
            throw new ConfigValueException("softNmsAlpha", "must be positive, got " + softNmsAlpha);
        }
        ConfigChecks.inRange("softNmsLowThreshold", softNmsLowThreshold, 0, 1);
        ConfigChecks.inRange("softNmsHighThreshold", softNmsHighThreshold, 0, 1);
        ConfigChecks.positive("postProcessTopK", postProcessTopK);
    }
}
