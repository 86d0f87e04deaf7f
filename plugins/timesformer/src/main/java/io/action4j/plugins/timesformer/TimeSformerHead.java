package io.action4j.plugins.timesformer;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;

/** {@code fc_cls} on an {@code N x C} feature (MMAction2 draws its weights from trunc_normal(initStd); normal here). */
final class TimeSformerHead implements RecognitionHead {

    private final TimeSformerHeadConfig config;

    TimeSformerHead(TimeSformerHeadConfig config) {
        this.config = config;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public Feature build(GraphBuilder graph, Feature features) {
        if (features.shape().rank() != 2) {
            throw new GraphBuildException(graph.qualified("fc_cls") + ": expects the backbone's N x C cls feature, got "
                    + features.shape());
        }
        Feature dropped = graph.dropout("dropout", features, config.dropoutRatio());
        return graph.linear("fc_cls", dropped, config.numClasses(), config.initStd());
    }
}
