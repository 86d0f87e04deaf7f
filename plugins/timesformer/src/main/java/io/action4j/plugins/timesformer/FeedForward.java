package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;

/**
 * mmcv's {@code FFN} with two fully connected layers and GELU: {@code prefix.layers.0.0} widens to
 * four times the token width, {@code prefix.layers.1} narrows back. The caller adds the shortcut.
 */
final class FeedForward {

    private static final int EXPANSION = 4;

    private FeedForward() {
    }

    static Feature apply(TokenLayers layers, String prefix, Feature x) {
        long width = x.shape().dim(2);
        Feature hidden = layers.gelu(layers.linear(prefix + ".layers.0.0", x, EXPANSION * width));
        return layers.linear(prefix + ".layers.1", hidden, width);
    }
}
