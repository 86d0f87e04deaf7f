package io.action4j.api.model;

import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A graph variable together with the shape its builder declares for it.
 *
 * <p>The declared shape is always channels first (N x C x T x H x W, N x C x H x W, ...), and so is
 * {@link #variable()}. {@link GraphBuilder} may keep a feature channels last in the graph (N x T x H x
 * W x C: oneDNN's convolutions run without layout conversions then, see
 * {@link GraphBuilder.Layout#CHANNELS_LAST}); {@link #variable()} of such a feature adds one permute to
 * the graph, on first use, so a plugin that builds layers from raw SameDiff ops always reads the
 * channels-first layout it expects, whatever layout the builder chose.
 */
public final class Feature {

    private final SDVariable stored;
    private final TensorShape shape;
    private final boolean channelsLast;
    /** The other layout's view of {@code stored}, made on first request. */
    private SDVariable permuted;

    /** A channels-first feature (the layout every layer written against raw SameDiff ops produces). */
    public Feature(SDVariable variable, TensorShape shape) {
        this(variable, shape, false);
    }

    private Feature(SDVariable stored, TensorShape shape, boolean channelsLast) {
        this.stored = Objects.requireNonNull(stored, "variable");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.channelsLast = channelsLast;
    }

    /**
     * A feature stored channels last: {@code variable} is N x ... x C, {@code shape} the channels-first shape.
     * For {@link GraphBuilder} implementations; components make channels-first features.
     */
    public static Feature channelsLast(SDVariable variable, TensorShape shape) {
        if (shape.rank() < 3) {
            throw new IllegalArgumentException("a channels-last feature needs a rank of 3 or more, got " + shape);
        }
        return new Feature(variable, shape, true);
    }

    /** The same layout and shape as this feature's, for an op that keeps both (an activation, a sum). */
    public Feature sameLayout(SDVariable variable) {
        return resized(variable, shape);
    }

    /** The same layout as this feature's with another shape, for an op that keeps the layout (pooling). */
    public Feature resized(SDVariable variable, TensorShape newShape) {
        return new Feature(variable, newShape, channelsLast);
    }

    /** The variable, channels first (N x C x ...). */
    public SDVariable variable() {
        if (!channelsLast) {
            return stored;
        }
        if (permuted == null) {
            permuted = permute("_channels_first", toChannelsFirst(shape.rank()));
        }
        return permuted;
    }

    /** The declared shape, channels first. */
    public TensorShape shape() {
        return shape;
    }

    /** Whether the graph holds this feature channels last. */
    public boolean isChannelsLast() {
        return channelsLast;
    }

    /** The variable as the graph holds it (channels last when {@link #isChannelsLast()}). */
    public SDVariable stored() {
        return stored;
    }

    /** The variable channels last (N x ... x C), permuted on first request when it is held channels first. */
    public SDVariable channelsLastVariable() {
        if (channelsLast) {
            return stored;
        }
        if (permuted == null) {
            permuted = permute("_channels_last", toChannelsLast(shape.rank()));
        }
        return permuted;
    }

    /** The permute of {@code stored}, shared by every feature that wraps the same variable. */
    private SDVariable permute(String suffix, int[] order) {
        SameDiff sameDiff = stored.getSameDiff();
        String name = stored.name() + suffix;
        String scope = sameDiff.currentNameScope();
        String qualified = scope == null || scope.isEmpty() ? name : scope + "/" + name;
        return sameDiff.hasVariable(qualified)
                ? sameDiff.getVariable(qualified)
                : sameDiff.permute(name, stored, order);
    }

    /** N x C x A x B ... to N x A x B ... x C. */
    private static int[] toChannelsLast(int rank) {
        int[] order = new int[rank];
        for (int axis = 1; axis < rank - 1; axis++) {
            order[axis] = axis + 1;
        }
        order[rank - 1] = 1;
        return order;
    }

    /** N x A x B ... x C to N x C x A x B .... */
    private static int[] toChannelsFirst(int rank) {
        int[] order = new int[rank];
        order[1] = rank - 1;
        for (int axis = 2; axis < rank; axis++) {
            order[axis] = axis - 1;
        }
        return order;
    }

    @Override
    public String toString() {
        return stored.name() + " " + shape + (channelsLast ? " (held channels last)" : "");
    }
}
