package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Turns a clip into frames and back, as MMAction2's Recognizer2D does: {@code N x C x T x H x W}
 * to {@code (N*T) x C x H x W}, the T frames of a video consecutive (video-major), which is the
 * order TSM's shift and TSN's consensus rely on.
 */
final class Frames {

    private Frames() {
    }

    /** NCTHW to (N*T)CHW; channels, time and space must be known (the batch may not be). */
    static Feature fold(GraphBuilder graph, String name, Feature clip) {
        TensorShape in = requireKnown(graph, name, clip);
        long batch = in.dim(0);
        long frames = batch == TensorShape.UNKNOWN ? TensorShape.UNKNOWN : batch * in.dim(2);
        SDVariable timeMajor = graph.sameDiff().permute(name + ".permute", clip.variable(), 0, 2, 1, 3, 4);
        SDVariable folded = graph.sameDiff().reshape(name, timeMajor, -1, in.dim(1), in.dim(3), in.dim(4));
        return new Feature(folded, TensorShape.of(frames, in.dim(1), in.dim(3), in.dim(4)));
    }

    /** (N*T)CHW back to NCTHW, with {@code batch} (maybe unknown) and {@code time} the clip's. */
    static Feature unfold(GraphBuilder graph, String name, Feature frames, long batch, long time) {
        TensorShape in = frames.shape();
        SDVariable videoMajor = graph.sameDiff().reshape(name + ".reshape", frames.variable(), -1, time, in.dim(1),
                in.dim(2), in.dim(3));
        SDVariable clip = graph.sameDiff().permute(name, videoMajor, 0, 2, 1, 3, 4);
        return new Feature(clip, TensorShape.of(batch, in.dim(1), time, in.dim(2), in.dim(3)));
    }

    /**
     * NCTHW to stacks of {@code length} consecutive frames as channels, {@code (N*S) x (length*C) x H x W}
     * with {@code S = T / length}: frame-major, so a stack's channels are frame 0's C, frame 1's C, ...
     * (MMAction2's and TSN's order for stacked flow: x1, y1, x2, y2, ...).
     */
    static Feature stack(GraphBuilder graph, String name, Feature clip, int length) {
        TensorShape in = requireKnown(graph, name, clip);
        if (length <= 0 || in.dim(2) % length != 0) {
            throw new GraphBuildException(graph.qualified(name) + ": stacks of " + length
                    + " frames need a clip whose time is a multiple of it, got " + in);
        }
        long batch = in.dim(0);
        long stacks = in.dim(2) / length;
        long channels = in.dim(1) * length;
        SDVariable timeMajor = graph.sameDiff().permute(name + ".permute", clip.variable(), 0, 2, 1, 3, 4);
        SDVariable stacked = graph.sameDiff().reshape(name, timeMajor, -1, channels, in.dim(3), in.dim(4));
        long frames = batch == TensorShape.UNKNOWN ? TensorShape.UNKNOWN : batch * stacks;
        return new Feature(stacked, TensorShape.of(frames, channels, in.dim(3), in.dim(4)));
    }

    /**
     * {@link #requireKnown} for the frames a 2D trunk's first convolution ({@code conv1.conv}) takes: their
     * channels must also be its {@code inChannels}.
     */
    static TensorShape requireTrunkInput(GraphBuilder graph, Feature clip, int inChannels) {
        TensorShape in = requireKnown(graph, "frames", clip);
        if (in.dim(1) != inChannels) {
            throw new GraphBuildException(graph.qualified("conv1.conv") + ": inChannels is " + inChannels
                    + " but the input " + in + " has " + in.dim(1) + " channels");
        }
        return in;
    }

    /** Checks that {@code clip} is NCTHW with known channels, time and size; returns its shape. */
    static TensorShape requireKnown(GraphBuilder graph, String name, Feature clip) {
        TensorShape in = clip.shape();
        if (in.rank() != 5) {
            throw new GraphBuildException(graph.qualified(name) + ": expects a clip N x C x T x H x W, got " + in);
        }
        for (int axis = 1; axis < 5; axis++) {
            if (in.dim(axis) == TensorShape.UNKNOWN) {
                throw new GraphBuildException(graph.qualified(name)
                        + ": needs known channels, time and size (only the batch may be unknown), got " + in);
            }
        }
        return in;
    }
}
