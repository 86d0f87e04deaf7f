package io.action4j.plugins.timesformer;

import io.action4j.api.model.GraphBuilder.Initializer;

/** PyTorch's initial values that {@link io.action4j.api.model.GraphBuilder} does not offer. */
final class Initializers {

    private Initializers() {
    }

    /** U(-bound, bound). */
    static Initializer uniform(double bound) {
        return (values, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
        };
    }

    /** torch {@code nn.Linear}'s default for weight and bias: U(-1/sqrt(in), 1/sqrt(in)). */
    static Initializer linearDefault(long inFeatures) {
        return uniform(1 / Math.sqrt(inFeatures));
    }

    /** {@code xavier_uniform_}, as {@code nn.MultiheadAttention} initialises {@code in_proj_weight}. */
    static Initializer xavierUniform(long fanIn, long fanOut) {
        return uniform(Math.sqrt(6.0 / (fanIn + fanOut)));
    }
}
