package io.action4j.plugins.timesformer;

import static io.action4j.api.model.GraphBuilder.constant;
import static io.action4j.api.model.GraphBuilder.normal;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The start of MMAction2's TimeSformer: a clip ({@code N x C x T x H x W}) to tokens.
 * {@code patch_embed.projection} embeds each frame's patches; {@code cls_token} leads each frame's
 * sequence and {@code pos_embed} is added. For {@code space_only} the result is per frame,
 * {@code [?*T, 1 + P, E]}; otherwise the patches are regrouped patch-major, {@code time_embed} is
 * added and one cls token leads the clip's sequence, {@code [?, 1 + P*T, E]}.
 */
final class TokenEmbedding {

    /** cls_token and pos_embed start from trunc_normal_(std=0.02) (bounds +-2, never reached); time_embed from zero. */
    private static final double EMBEDDING_STD = 0.02;

    private final TimeSformerConfig config;

    TokenEmbedding(TimeSformerConfig config) {
        this.config = config;
    }

    Feature embed(TokenLayers layers, Feature clip) {
        checkClip(layers, clip.shape());
        Tokens tokens = layers.tokens();
        int width = config.embedDims();
        int frames = config.numFrames();
        long patches = config.numPatches();
        // 'b c t h w -> (b t) c h w'
        TensorShape in = clip.shape();
        Feature frameImages = tokens.reshape(tokens.permute(clip, 0, 2, 1, 3, 4), in.dim(1), in.dim(3), in.dim(4));
        Feature grid = layers.patchConv("patch_embed.projection", frameImages, width, config.patchSize());
        Feature patchTokens = tokens.permute(tokens.reshape(grid, width, patches), 0, 2, 1);

        var graph = layers.graph();
        SDVariable clsToken = graph.parameter("cls_token", normal(EMBEDDING_STD), 1, 1, width);
        SDVariable posEmbed = graph.parameter("pos_embed", normal(EMBEDDING_STD), 1, patches + 1, width);
        Feature perFrame = tokens.add(tokens.concat(tokens.repeatPerRow(clsToken, patchTokens), patchTokens),
                new Feature(posEmbed, TensorShape.of(1, patches + 1, width)));
        if (!config.attention().embedsTime()) {
            return perFrame;
        }
        // All T frames' cls tokens hold cls_token + pos_embed[0]; MMAction2 keeps one per clip.
        Feature cls = tokens.slice(tokens.reshape(tokens.slice(perFrame, 0, 1), frames, width), 0, 1);
        // '(b t) p m -> b p t m', plus time_embed, then 'b (p t) m'.
        Feature byPatch = tokens.permute(tokens.reshape(tokens.slice(perFrame, 1, patches + 1), frames, patches, width),
                0, 2, 1, 3);
        SDVariable timeEmbed = graph.parameter("time_embed", constant(0), 1, frames, width);
        SDVariable timeByPatch = graph.sameDiff().reshape(timeEmbed, 1, 1, frames, width);
        Feature timed = tokens.add(byPatch, new Feature(timeByPatch, TensorShape.of(1, 1, frames, width)));
        return tokens.concat(cls, tokens.reshape(timed, patches * frames, width));
    }

    /** The embeddings are sized for numFrames frames of imgSize x imgSize: anything else cannot be added. */
    private void checkClip(TokenLayers layers, TensorShape clip) {
        String where = layers.graph().qualified("patch_embed");
        if (clip.rank() != 5) {
            throw new GraphBuildException(where + ": expects an N x C x T x H x W clip, got " + clip);
        }
        if (clip.dim(1) != config.inChannels()) {
            throw new GraphBuildException(where + ": expects " + config.inChannels() + " channels (inChannels), got "
                    + clip);
        }
        if (clip.dim(2) != config.numFrames()) {
            throw new GraphBuildException(where + ": time_embed is sized for numFrames " + config.numFrames()
                    + " frames, got " + clip);
        }
        if (clip.dim(3) != config.imgSize() || clip.dim(4) != config.imgSize()) {
            throw new GraphBuildException(where + ": pos_embed is sized for imgSize " + config.imgSize() + " x "
                    + config.imgSize() + " frames, got " + clip);
        }
    }
}
