package io.action4j.plugins.timesformer;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * MMAction2's {@code TimeSformer} backbone. The defaults are its ViT-B/16 configuration for 8
 * frames of 224 x 224 ({@code timesformer_divST_8xb8-8x32x1-15e_kinetics400-rgb}).
 *
 * <p>Frames are cut into {@code patchSize} squares, each embedded by one convolution; a cls token,
 * a position embedding per patch and (except {@code space_only}) a time embedding per frame are
 * added; {@code numTransformerLayers} pre-norm layers follow; the output is the cls token after
 * the final norm ({@code N x embedDims}). The clip must have exactly {@code numFrames} frames of
 * {@code imgSize x imgSize}: the embeddings are sized for them.
 *
 * @param numFrames frames per clip (the time embedding's length)
 * @param imgSize height and width of a frame
 * @param patchSize side of a patch; must divide {@code imgSize}
 * @param embedDims token width; must be a multiple of {@code numHeads}
 * @param numHeads attention heads
 * @param numTransformerLayers transformer layers
 * @param inChannels channels of the input clip
 * @param dropoutRatio dropout after the embeddings in training; no effect at inference, which is
 *     all this graph does
 * @param attentionType {@code divided_space_time}, {@code space_only} or {@code joint_space_time}
 * @param normCfg the final norm's; as in MMAction2 the norms inside the layers always use eps 1e-6
 */
public record TimeSformerConfig(int numFrames, int imgSize, int patchSize, int embedDims, int numHeads,
                                int numTransformerLayers, int inChannels, double dropoutRatio, String attentionType,
                                NormConfig normCfg) {

    public static final TimeSformerConfig DEFAULTS = new TimeSformerConfig(8, 224, 16, 768, 12, 12, 3, 0.0,
            "divided_space_time", NormConfig.LAYER_NORM);

    public TimeSformerConfig {
        ConfigChecks.positive("numFrames", numFrames);
        ConfigChecks.positive("imgSize", imgSize);
        ConfigChecks.positive("patchSize", patchSize);
        if (imgSize % patchSize != 0) {
            throw new ConfigValueException("patchSize", "must divide imgSize " + imgSize + ", got " + patchSize);
        }
        ConfigChecks.positive("embedDims", embedDims);
        ConfigChecks.positive("numHeads", numHeads);
        if (embedDims % numHeads != 0) {
            throw new ConfigValueException("numHeads", "must divide embedDims " + embedDims + ", got " + numHeads);
        }
        ConfigChecks.positive("numTransformerLayers", numTransformerLayers);
        ConfigChecks.positive("inChannels", inChannels);
        if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
            throw new ConfigValueException("dropoutRatio", "must be in [0, 1), got " + dropoutRatio);
        }
        ConfigChecks.oneOf("attentionType", ConfigChecks.required("attentionType", attentionType),
                AttentionType.CONFIG_VALUES);
        ConfigChecks.required("normCfg", normCfg);
    }

    AttentionType attention() {
        return AttentionType.fromConfig(attentionType);
    }

    /** Patches per frame. */
    int numPatches() {
        int side = imgSize / patchSize;
        return side * side;
    }
}
