package io.action4j.plugins.timesformer;

import static io.action4j.api.model.GraphBuilder.constant;

import io.action4j.api.model.Feature;

/**
 * A layer of divided space-time attention (operation order self_attn, self_attn, ffn) on
 * {@code [?, 1 + P*T, E]} tokens: the cls token, then the patches patch-major ({@code (p t)}).
 * <ol>
 *   <li>{@code attentions.0}, MMAction2's DividedTemporalAttentionWithNorm: each patch attends
 *       over its T frames; the result goes through {@code temporal_fc} (zero at initialisation,
 *       so a pretrained ViT starts unchanged) and is added to the patches. The cls token is
 *       left out and passed on as it is.</li>
 *   <li>{@code attentions.1}, DividedSpatialAttentionWithNorm: each frame's P patches attend
 *       together with a copy of the cls token; the T copies' results are averaged into the
 *       cls token's update.</li>
 *   <li>{@code ffns.0}, FFNWithNorm: {@code x + ffn(norm(x))}.</li>
 * </ol>
 */
final class DividedSpaceTimeLayer implements TransformerLayer {

    private final int numFrames;
    private final MultiheadAttention attention;

    DividedSpaceTimeLayer(int numFrames, int numHeads) {
        this.numFrames = numFrames;
        this.attention = new MultiheadAttention(numHeads);
    }

    @Override
    public Feature apply(TokenLayers layers, String prefix, Feature x) {
        Feature afterTime = temporal(layers, prefix + ".attentions.0", x);
        Feature afterSpace = spatial(layers, prefix + ".attentions.1", afterTime);
        String ffn = prefix + ".ffns.0";
        Feature fed = FeedForward.apply(layers, ffn, layers.layerNorm(ffn + ".norm", afterSpace, NORM_EPS));
        return layers.tokens().add(afterSpace, fed);
    }

    private Feature temporal(TokenLayers layers, String prefix, Feature x) {
        Tokens tokens = layers.tokens();
        long length = x.shape().dim(1);
        long width = x.shape().dim(2);
        Feature cls = tokens.slice(x, 0, 1);
        Feature patches = tokens.slice(x, 1, length);
        // [?, P*T, E] -> [?*P, T, E]: one sequence per patch position.
        Feature perPatch = tokens.reshape(patches, numFrames, width);
        Feature attended = attention.selfAttention(layers, prefix + ".attn",
                layers.layerNorm(prefix + ".norm", perPatch, NORM_EPS));
        Feature projected = layers.linear(prefix + ".temporal_fc", attended, width, constant(0), constant(0));
        Feature update = tokens.reshape(projected, length - 1, width);
        return tokens.concat(cls, tokens.add(patches, update));
    }

    private Feature spatial(TokenLayers layers, String prefix, Feature x) {
        Tokens tokens = layers.tokens();
        long length = x.shape().dim(1);
        long width = x.shape().dim(2);
        long patchCount = (length - 1) / numFrames;
        Feature cls = tokens.slice(x, 0, 1);
        Feature patches = tokens.slice(x, 1, length);
        // 'b (p t) m -> (b t) p m': one sequence per frame, each led by its own copy of the cls token.
        Feature perFrame = tokens.reshape(tokens.permute(tokens.reshape(patches, patchCount, numFrames, width),
                0, 2, 1, 3), patchCount, width);
        Feature clsPerFrame = tokens.reshape(tokens.repeatTokens(cls, numFrames), 1, width);
        Feature sequences = tokens.concat(clsPerFrame, perFrame);
        Feature attended = attention.selfAttention(layers, prefix + ".attn",
                layers.layerNorm(prefix + ".norm", sequences, NORM_EPS));
        // The frames' cls results averaged: [?*T, 1, E] -> [?, T, E] -> [?, 1, E].
        Feature clsUpdate = tokens.meanOverTokens(tokens.reshape(tokens.slice(attended, 0, 1), numFrames, width));
        // '(b t) p m -> b (p t) m'
        Feature patchUpdate = tokens.reshape(tokens.permute(tokens.reshape(tokens.slice(attended, 1, patchCount + 1),
                numFrames, patchCount, width), 0, 2, 1, 3), length - 1, width);
        return tokens.add(x, tokens.concat(clsUpdate, patchUpdate));
    }
}
