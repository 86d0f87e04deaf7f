package io.action4j.plugins.c3d;

import io.action4j.api.ConfigChecks;

/**
 * MMAction2's C3D (Tran et al., 2015): eight 3x3x3 convolutions with bias and ReLU in five
 * stages, each closed by a max pool, then two fully connected layers (fc6, fc7) with ReLU. The
 * backbone's output is fc7's, N x {@code fcWidth}. The defaults are MMAction2's sizes, made for a
 * 3 x 16 x 112 x 112 clip.
 *
 * <p>{@code baseChannels} and {@code fcWidth} are not MMAction2 arguments (C3D hard-codes 64 and
 * 4096); they let tests build a small C3D. MMAction2's {@code conv_cfg}, {@code norm_cfg} and
 * {@code act_cfg} are fixed at their defaults (Conv3d, no norm, ReLU).
 *
 * @param baseChannels width of conv1a; the stages are 1, 2, 4, 8 and 8 times it (64: 64 to 512)
 * @param fcWidth width of fc6 and fc7
 * @param outDim MMAction2's {@code out_dim}: fc6's input, the flattened pool5 output; it fixes the
 *     clip size (8192 = 512 x 1 x 4 x 4 for 16 x 112 x 112), and another clip size is rejected
 *     when the graph is built
 * @param dropoutRatio MMAction2's {@code dropout_ratio} after fc6 and fc7; training only, so the
 *     inference graph has no dropout
 * @param initStd standard deviation of fc6's and fc7's initial weights (MMAction2's {@code init_std})
 */
public record C3dConfig(int baseChannels, int fcWidth, int outDim, double dropoutRatio, double initStd) {

    public static final C3dConfig DEFAULTS = new C3dConfig(64, 4096, 8192, 0.5, 0.005);

    public C3dConfig {
        ConfigChecks.positive("baseChannels", baseChannels);
        ConfigChecks.positive("fcWidth", fcWidth);
        ConfigChecks.positive("outDim", outDim);
        ConfigChecks.inRange("dropoutRatio", dropoutRatio, 0, 1);
        ConfigChecks.inRange("initStd", initStd, 0, 10);
    }
}
