package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;

/**
 * Early fusion (Karpathy et al. 2014) and stacked motion inputs (TSN's stacked flow and RGB difference):
 * {@code stackFrames} consecutive frames laid side by side on the channel axis, so the first 2D
 * convolution sees them together.
 *
 * @param trunk the 2D ResNet on the stacks; its first convolution takes {@code stackFrames x C} channels
 * @param stackFrames frames per stack (L): a clip of T frames gives {@code T / L} stacks, kept on the time
 *     axis as segments for a TSN head's consensus; 0 stacks the whole clip (one stack). Flow stacking uses
 *     10 (2L = 20 channels of x and y)
 */
public record EarlyFusionConfig(Trunk2dConfig trunk, int stackFrames) {

    public static final EarlyFusionConfig DEFAULTS = new EarlyFusionConfig(Trunk2dConfig.DEFAULTS, 0);

    public EarlyFusionConfig {
        ConfigChecks.required("trunk", trunk);
        ConfigChecks.atLeast("stackFrames", stackFrames, 0);
    }
}
