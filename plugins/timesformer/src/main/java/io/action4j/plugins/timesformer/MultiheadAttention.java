package io.action4j.plugins.timesformer;

import static io.action4j.api.model.GraphBuilder.constant;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder.Initializer;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * torch's {@code nn.MultiheadAttention} as self-attention over {@code [?, L, E]} tokens, in
 * inference form, with its parameter names under {@code prefix}: {@code in_proj_weight} (stored
 * {@code [E, 3E]}, torch's transposed), {@code in_proj_bias}, {@code out_proj.weight},
 * {@code out_proj.bias}. Built from rank-4 matmuls and softmax, on the packed projection as torch
 * stores it; ND4J's multiHeadDotProductAttention wants per-head {@code [heads, d, E]} weights
 * without biases, which torch's checkpoints do not have.
 */
final class MultiheadAttention {

    private final int numHeads;

    MultiheadAttention(int numHeads) {
        this.numHeads = numHeads;
    }

    Feature selfAttention(TokenLayers layers, String prefix, Feature x) {
        SameDiff sd = layers.graph().sameDiff();
        Tokens tokens = layers.tokens();
        long length = x.shape().dim(1);
        long width = x.shape().dim(2);
        long headWidth = width / numHeads;
        SDVariable inWeight = layers.graph().parameter(prefix + ".in_proj_weight",
                Initializers.xavierUniform(width, 3 * width), width, 3 * width);
        SDVariable inBias = layers.graph().parameter(prefix + ".in_proj_bias", constant(0), 3 * width);
        Feature packed = layers.linear(prefix + ".in_proj", x, inWeight, inBias);
        // [?, L, 3E] -> [3, ?, heads, L, headWidth]: q, k and v side by side, split into heads.
        Feature split = tokens.permute(tokens.reshape(packed, length, 3, numHeads, headWidth), 2, 0, 3, 1, 4);
        SDVariable query = split.variable().get(SDIndex.point(0)).mul(1 / Math.sqrt(headWidth));
        SDVariable key = split.variable().get(SDIndex.point(1));
        SDVariable value = split.variable().get(SDIndex.point(2));
        SDVariable weights = sd.nn().softmax(sd.mmul(query, key, false, true, false), -1);
        SDVariable context = sd.mmul(weights, value);
        // [?, heads, L, headWidth] -> [?, L, E]
        Feature heads = new Feature(sd.permute(context, 0, 2, 1, 3),
                TensorShape.of(x.shape().dim(0), length, numHeads, headWidth));
        Feature merged = tokens.reshape(heads, length, width);
        Initializer outInit = Initializers.linearDefault(width);
        return layers.linear(prefix + ".out_proj", merged, width, outInit, constant(0));
    }
}
