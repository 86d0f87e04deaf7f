package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * TSM's temporal shift, with the arithmetic of MMAction2 v1.2.0's {@code TemporalShift.shift}: of
 * C channels, with {@code fold = C / shiftDiv} (integer division),
 * <ul>
 *   <li>channels {@code [0, fold)} move one segment back in time: segment t takes segment t+1's
 *       values, the last segment gets zeros;</li>
 *   <li>channels {@code [fold, 2 fold)} move one segment forward: segment t takes segment t-1's,
 *       the first gets zeros;</li>
 *   <li>the other channels stay.</li>
 * </ul>
 * Segments never cross videos: the frames are viewed as {@code N x T x C x (H*W)} first.
 */
final class TemporalShift {

    private final GraphBuilder graph;
    private final int segments;
    private final int shiftDiv;

    /**
     * @param segments frames per video (the clip's T)
     * @param shiftDiv MMAction2's {@code shift_div}, positive
     */
    TemporalShift(GraphBuilder graph, int segments, int shiftDiv) {
        this.graph = graph;
        this.segments = segments;
        this.shiftDiv = shiftDiv;
    }

    /** Shifts frames {@code (N*T) x C x H x W}; the shape stays. */
    Feature apply(String name, Feature frames) {
        TensorShape shape = frames.shape();
        long channels = shape.dim(1);
        long fold = channels / shiftDiv;
        if (fold == 0) {
            return frames; // as in MMAction2: fewer channels than shiftDiv shift nothing
        }
        SameDiff sd = graph.sameDiff();
        SDVariable x = sd.reshape(name + ".view", frames.variable(), -1, segments, channels, shape.dim(2) * shape.dim(3));
        List<SDVariable> parts = new ArrayList<>();
        parts.add(shifted(name + ".back", x, 0, fold, true));
        if (2 * fold <= channels) { // shiftDiv 1 leaves no channels to move forward
            parts.add(shifted(name + ".forward", x, fold, 2 * fold, false));
        }
        if (2 * fold < channels) {
            parts.add(x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(2 * fold, channels), SDIndex.all()));
        }
        SDVariable joined = sd.concat(name + ".concat", 2, parts.toArray(SDVariable[]::new));
        SDVariable output = sd.reshape(name, joined, -1, channels, shape.dim(2), shape.dim(3));
        return new Feature(output, shape);
    }

    /** Channels {@code [from, to)} of x (N x T x C x HW) moved one segment back or forward, zeros filling in. */
    private SDVariable shifted(String name, SDVariable x, long from, long to, boolean back) {
        SDIndex channels = SDIndex.interval(from, to);
        SDVariable blank = graph.sameDiff().zerosLike(name + ".blank",
                x.get(SDIndex.all(), SDIndex.interval(0L, 1L), channels, SDIndex.all()));
        if (segments == 1) {
            return blank;
        }
        SDVariable kept = back
                ? x.get(SDIndex.all(), SDIndex.interval(1L, (long) segments), channels, SDIndex.all())
                : x.get(SDIndex.all(), SDIndex.interval(0L, segments - 1L), channels, SDIndex.all());
        return back
                ? graph.sameDiff().concat(name, 1, kept, blank)
                : graph.sameDiff().concat(name, 1, blank, kept);
    }
}
