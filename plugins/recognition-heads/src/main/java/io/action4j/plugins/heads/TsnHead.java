package io.action4j.plugins.heads;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * TSN's head on segment features {@code N x C x T x H x W} (T segments): {@code avg_pool} over
 * each segment's H and W, {@code consensus} (the mean over the T segments), {@code fc_cls}.
 *
 * <p>The order is MMAction2 v1.2.0's TSNHead.forward: consensus before the classifier. Averaging
 * the per-segment class scores after it gives the same result, the classifier being affine.
 */
final class TsnHead implements RecognitionHead {

    private final TsnHeadConfig config;

    TsnHead(TsnHeadConfig config) {
        this.config = config;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public Feature build(GraphBuilder graph, Feature features) {
        TensorShape in = features.shape();
        if (in.rank() != 5) {
            throw new GraphBuildException(graph.qualified("avg_pool")
                    + ": expects segment features N x C x T x H x W (segments on the time axis), got " + in);
        }
        SDVariable perSegment = graph.sameDiff().mean("avg_pool", features.variable(), 3, 4);
        SDVariable consensus = graph.sameDiff().mean("consensus", perSegment, 2);
        Feature pooled = new Feature(consensus, TensorShape.of(in.dim(0), in.dim(1)));
        Feature dropped = graph.dropout("dropout", pooled, config.dropoutRatio());
        return graph.linear("fc_cls", dropped, config.numClasses(), config.initStd());
    }
}
