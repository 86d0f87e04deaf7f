package io.action4j.plugins.s3d;

import io.action4j.api.ConfigChecks;

/**
 * torchvision's S3D backbone ({@code S3D.features}). torchvision fixes the architecture; its
 * only arguments ({@code num_classes}, {@code dropout}) belong to the head ({@link S3dHeadConfig}).
 *
 * @param inChannels channels of the input clip (3 for RGB)
 * @param widthDivisor every layer's width is {@code ceil(width / widthDivisor)}; 1 (the default)
 *     is torchvision's network. Not a torchvision argument: it exists for small test networks
 *     (the parity fixtures use 32), whose weights no published checkpoint provides
 */
public record S3dConfig(int inChannels, int widthDivisor) {

    public static final S3dConfig DEFAULTS = new S3dConfig(3, 1);

    public S3dConfig {
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("widthDivisor", widthDivisor);
    }

    /** A layer's width in this network, from its width in torchvision's. */
    int width(int torchvisionWidth) {
        return (torchvisionWidth + widthDivisor - 1) / widthDivisor;
    }
}
