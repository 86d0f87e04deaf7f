package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;

/**
 * Conv pooling (Ng et al. 2015), the alternative to CNN + LSTM: a 2D ResNet on every frame and the last
 * convolutional feature maps max-pooled over the frames, position by position.
 *
 * @param trunk the 2D ResNet run on each frame
 * @param inChannels channels of a frame (3 for RGB)
 */
public record ConvPoolingConfig(Trunk2dConfig trunk, int inChannels) {

    public static final ConvPoolingConfig DEFAULTS = new ConvPoolingConfig(Trunk2dConfig.DEFAULTS, 3);

    public ConvPoolingConfig {
        ConfigChecks.required("trunk", trunk);
        ConfigChecks.positive("inChannels", inChannels);
    }
}
