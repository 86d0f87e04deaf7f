package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;

/** One of MMAction2's {@code transformer_layers.layers.<i>}: {@code [?, L, E]} tokens in, the same shape out. */
interface TransformerLayer {

    /** MMAction2 builds every norm inside the layers with {@code eps=1e-6}, whatever {@code norm_cfg} says. */
    double NORM_EPS = 1e-6;

    /**
     * @param prefix the layer's parameter prefix, e.g. {@code transformer_layers.layers.3}
     * @param x the cls token followed by the patch tokens
     */
    Feature apply(TokenLayers layers, String prefix, Feature x);
}
