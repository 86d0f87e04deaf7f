package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Convolutional two-stream fusion (Feichtenhofer et al. 2016): a spatial stream on RGB frames and a
 * temporal stream on stacked motion frames (flow, RGB differences), two 2D ResNets fused at a chosen layer
 * into one that goes on.
 *
 * <p>Input: one clip whose channels are the RGB frame's then the motion's (C = rgbChannels + M), e.g. from
 * {@code rgb_diff} with {@code keepRgb: true}. The clip's T frames form {@code T / stackFrames} segments; in
 * each the spatial stream sees the middle frame's RGB and the temporal stream its {@code stackFrames}
 * motion frames stacked on channels ({@code stackFrames x M} channels).
 *
 * @param trunk the 2D ResNet of each stream (and of the fused layers after {@code fuseAfter})
 * @param rgbChannels the input's leading channels that are the spatial stream's
 * @param stackFrames motion frames a segment stacks (L); 0: the whole clip is one segment
 * @param fuseAfter the stage after which the streams fuse, 1 to 4 ({@code layer4}: after the last
 *     convolutional stage, where Feichtenhofer et al. fuse best)
 * @param fusion {@code sum}, {@code max} (elementwise), {@code concat} (channels, the RGB stream's first),
 *     {@code conv} (concatenated, then a 1x1 convolution {@code fusion.conv} back to one stream's width, batch
 *     norm and ReLU), {@code bilinear} (the outer product of the two streams' features summed over positions and
 *     divided by their number, signed square root and L2 normalisation; only after {@code layer4}),
 *     {@code conv3d} (concatenated, kept on the segments' time axis, a 3x3x3 convolution {@code fusion.conv} with
 *     batch norm and ReLU, then a 3D max pool over all segments and 3x3 positions)
 */
public record TwoStreamFusionConfig(Trunk2dConfig trunk, int rgbChannels, int stackFrames, int fuseAfter,
                                    String fusion) {

    static final List<String> FUSIONS = List.of("sum", "max", "concat", "conv", "bilinear", "conv3d");

    public static final TwoStreamFusionConfig DEFAULTS = new TwoStreamFusionConfig(Trunk2dConfig.DEFAULTS, 3, 0, 4,
            "conv");

    public TwoStreamFusionConfig {
        ConfigChecks.required("trunk", trunk);
        ConfigChecks.positive("rgbChannels", rgbChannels);
        ConfigChecks.atLeast("stackFrames", stackFrames, 0);
        ConfigChecks.oneOf("fuseAfter", fuseAfter, List.of(1, 2, 3, 4));
        ConfigChecks.oneOf("fusion", ConfigChecks.required("fusion", fusion), FUSIONS);
        if (fusion.equals("bilinear") && fuseAfter != ResNet2dTrunk.STAGES) {
            throw new ConfigValueException("fuseAfter", "bilinear fusion gives one vector per segment, so it fuses "
                    + "after the last stage only: fuseAfter must be 4, got " + fuseAfter);
        }
    }
}
