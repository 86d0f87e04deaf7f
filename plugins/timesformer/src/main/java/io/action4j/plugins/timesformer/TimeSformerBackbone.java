package io.action4j.plugins.timesformer;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;

/**
 * MMAction2's TimeSformer: token embedding, {@code transformer_layers.layers.0..L-1}, the final
 * {@code norm}; returns the cls token, {@code N x embedDims}. Inference only (dropout and drop
 * path are identities).
 */
final class TimeSformerBackbone implements Backbone {

    private final TimeSformerConfig config;

    TimeSformerBackbone(TimeSformerConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        TokenLayers layers = new TokenLayers(graph);
        Tokens tokens = layers.tokens();
        Feature x = new TokenEmbedding(config).embed(layers, input);
        TransformerLayer layer = switch (config.attention()) {
            case DIVIDED_SPACE_TIME -> new DividedSpaceTimeLayer(config.numFrames(), config.numHeads());
            case SPACE_ONLY, JOINT_SPACE_TIME -> new PreNormLayer(config.numHeads());
        };
        for (int i = 0; i < config.numTransformerLayers(); i++) {
            x = layer.apply(layers, "transformer_layers.layers." + i, x);
        }
        Feature cls = tokens.slice(x, 0, 1);
        if (config.attention() == AttentionType.SPACE_ONLY) {
            // Frames were separate sequences: average their cls tokens, [?*T, 1, E] -> [?, 1, E].
            // (MMAction2 averages every token and then normalises; the norm is per token, so only the cls one counts.)
            cls = tokens.meanOverTokens(tokens.reshape(cls, config.numFrames(), config.embedDims()));
        }
        Feature normed = layers.layerNorm("norm", cls, config.normCfg().eps());
        Feature output = tokens.reshape(normed, config.embedDims());
        return new Feature(output.variable(), TensorShape.of(input.shape().dim(0), config.embedDims()));
    }
}
