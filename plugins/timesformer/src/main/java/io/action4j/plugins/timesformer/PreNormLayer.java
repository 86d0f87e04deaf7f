package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;

/**
 * mmcv's {@code BaseTransformerLayer} with operation order (norm, self_attn, norm, ffn), used for
 * {@code space_only} (tokens of one frame) and {@code joint_space_time} (tokens of the whole clip):
 * {@code x + attn(norms.0(x))}, then {@code x + ffn(norms.1(x))}.
 */
final class PreNormLayer implements TransformerLayer {

    private final MultiheadAttention attention;

    PreNormLayer(int numHeads) {
        this.attention = new MultiheadAttention(numHeads);
    }

    @Override
    public Feature apply(TokenLayers layers, String prefix, Feature x) {
        Tokens tokens = layers.tokens();
        Feature attended = attention.selfAttention(layers, prefix + ".attentions.0.attn",
                layers.layerNorm(prefix + ".norms.0", x, NORM_EPS));
        Feature afterAttention = tokens.add(x, attended);
        Feature fed = FeedForward.apply(layers, prefix + ".ffns.0",
                layers.layerNorm(prefix + ".norms.1", afterAttention, NORM_EPS));
        return tokens.add(afterAttention, fed);
    }
}
