package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;

/**
 * Late fusion (Karpathy et al. 2014): the clip's first and last frames (far apart: the sampler's
 * {@code frameInterval} sets how far) each through the same 2D ResNet, their pooled features joined by a
 * fully connected layer, which alone sees both, so motion can only be told in the fully connected layers.
 *
 * @param trunk the shared 2D ResNet
 * @param inChannels channels of a frame (3 for RGB)
 * @param fusionChannels outputs of the fully connected layer {@code fusion_fc} that joins the two frames
 */
public record LateFusionConfig(Trunk2dConfig trunk, int inChannels, int fusionChannels) {

    public static final LateFusionConfig DEFAULTS = new LateFusionConfig(Trunk2dConfig.DEFAULTS, 3, 512);

    public LateFusionConfig {
        ConfigChecks.required("trunk", trunk);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("fusionChannels", fusionChannels);
    }
}
