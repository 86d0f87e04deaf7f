package io.action4j.testing;

import io.action4j.api.model.GraphBuilder;
import io.action4j.engine.model.SameDiffGraphBuilder;
import org.nd4j.autodiff.samediff.SameDiff;

/** The engine's {@link GraphBuilder} for component tests: a component is tested on the builder its host uses. */
public final class GraphBuilders {

    private GraphBuilders() {
    }

    /** An inference builder, channels first, over {@code sameDiff}, its initial values seeded by {@code seed}. */
    public static GraphBuilder create(SameDiff sameDiff, long seed) {
        return new SameDiffGraphBuilder(sameDiff, seed);
    }
}
