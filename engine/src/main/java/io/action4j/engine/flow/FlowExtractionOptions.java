package io.action4j.engine.flow;

import io.action4j.api.flow.FlowQuantization;

/**
 * How {@link FlowExtractor} stores flow.
 *
 * @param bound displacements are clipped to {@code [-bound, bound]} pixels before they are stored (TSN: 20)
 * @param bidirectional also store the backward flow of every pair (frame {@code i} to {@code i - 1})
 * @param threads videos extracted at once, each on its own thread with its own estimator
 * @param preview write an HSV-coded preview image of one pair per video ({@code flow_preview.png})
 */
public record FlowExtractionOptions(double bound, boolean bidirectional, int threads, boolean preview) {

    public static final FlowExtractionOptions DEFAULTS = new FlowExtractionOptions(FlowQuantization.DEFAULT_BOUND,
            false, 1, false);

    public FlowExtractionOptions {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("the flow bound must be a positive number of pixels, got " + bound);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
