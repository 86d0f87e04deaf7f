package io.action4j.plugins.timesformer;

import static io.action4j.api.model.GraphBuilder.constant;
import static io.action4j.api.model.GraphBuilder.normal;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.GraphBuilder.Initializer;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;

/**
 * The layers a transformer needs and {@link GraphBuilder} lacks (candidates for the api): a linear
 * layer over the last axis of {@code [?, L, E]} tokens, layer norm, exact GELU and the patch
 * embedding's strided conv2d. Parameter names and layouts are PyTorch's, as the builder's are:
 * linear weights {@code [in, out]} (torch's transposed), conv2d weights {@code [kH, kW, in, out]}.
 */
final class TokenLayers {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final GraphBuilder graph;
    private final Tokens tokens;

    TokenLayers(GraphBuilder graph) {
        this.graph = graph;
        this.tokens = new Tokens(graph);
    }

    Tokens tokens() {
        return tokens;
    }

    GraphBuilder graph() {
        return graph;
    }

    private SameDiff sd() {
        return graph.sameDiff();
    }

    /** torch {@code nn.Linear} on {@code [?, L, in]}: {@code name.weight} ({@code [in, out]}), {@code name.bias}. */
    Feature linear(String name, Feature x, long outFeatures, Initializer weightInit, Initializer biasInit) {
        SDVariable weight = graph.parameter(name + ".weight", weightInit, width(name, x), outFeatures);
        SDVariable bias = graph.parameter(name + ".bias", biasInit, outFeatures);
        return linear(name, x, weight, bias);
    }

    /** A linear layer with torch's default initial values. */
    Feature linear(String name, Feature x, long outFeatures) {
        Initializer init = Initializers.linearDefault(width(name, x));
        return linear(name, x, outFeatures, init, init);
    }

    /** {@code x . weight + bias} over the last axis, with given {@code [in, out]} weight and {@code [out]} bias. */
    Feature linear(String name, Feature x, SDVariable weight, SDVariable bias) {
        long in = width(name, x);
        long out = weight.getShape()[1];
        TensorShape shape = x.shape();
        // Fold the tokens into rows and back. Not nn().linear (xw_plus_b): a reshape of its output
        // read stale values on repeated runs under SameDiff's default array cache (M2.1).
        Feature rows = tokens.reshape(x, in);
        SDVariable product = sd().mmul(rows.variable(), weight).add(bias);
        Feature projected = new Feature(product, TensorShape.of(rows.shape().dim(0), out));
        return tokens.reshape(projected, shape.dim(1), out);
    }

    /**
     * torch {@code nn.LayerNorm} over the last axis: {@code name.weight}, {@code name.bias}. Composed
     * of mean and variance so that {@code eps} is the configured one (ND4J's layer_norm has none).
     */
    Feature layerNorm(String name, Feature x, double eps) {
        long width = width(name, x);
        SDVariable gamma = graph.parameter(name + ".weight", constant(1), width);
        SDVariable beta = graph.parameter(name + ".bias", constant(0), width);
        int last = x.shape().rank() - 1;
        SDVariable centred = x.variable().sub(sd().mean(x.variable(), true, last));
        SDVariable variance = sd().mean(sd().math().square(centred), true, last);
        SDVariable normalised = centred.mul(sd().math().rsqrt(variance.add(eps)));
        return new Feature(sd().math().add(name, normalised.mul(gamma), beta), x.shape());
    }

    /** The exact GELU, {@code x * Phi(x)}, as torch's {@code nn.GELU()}; ND4J's gelu ops approximate it. */
    Feature gelu(Feature x) {
        SDVariable phi = sd().math().erf(x.variable().mul(SQRT_HALF)).add(1.0).mul(0.5);
        return new Feature(x.variable().mul(phi), x.shape());
    }

    /**
     * torch {@code nn.Conv2d} with kernel = stride = {@code patch} and no padding on {@code NCHW}
     * frames: {@code name.weight} ({@code [p, p, in, out]}, Lecun normal as mmcv's kaiming_init with
     * fan_in, linear), {@code name.bias}.
     */
    Feature patchConv(String name, Feature frames, int outChannels, int patch) {
        TensorShape in = frames.shape();
        long inChannels = in.dim(1);
        if (in.dim(2) % patch != 0 || in.dim(3) % patch != 0) {
            throw new GraphBuildException(graph.qualified(name) + ": frames " + in.dim(2) + "x" + in.dim(3)
                    + " are not a whole number of " + patch + "-pixel patches");
        }
        double std = 1 / Math.sqrt(inChannels * patch * patch);
        SDVariable weight = graph.parameter(name + ".weight", normal(std), patch, patch, inChannels, outChannels);
        SDVariable bias = graph.parameter(name + ".bias", constant(0), outChannels);
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(patch).kW(patch).sH(patch).sW(patch)
                .dataFormat(Conv2DConfig.NCHW)
                .build();
        SDVariable output = sd().cnn().conv2d(frames.variable(), weight, bias, config);
        return new Feature(output, TensorShape.of(in.dim(0), outChannels, in.dim(2) / patch, in.dim(3) / patch));
    }

    private long width(String name, Feature x) {
        long width = x.shape().dim(x.shape().rank() - 1);
        if (width == TensorShape.UNKNOWN) {
            throw new GraphBuildException(graph.qualified(name) + ": needs a known last axis, got " + x.shape());
        }
        return width;
    }
}
