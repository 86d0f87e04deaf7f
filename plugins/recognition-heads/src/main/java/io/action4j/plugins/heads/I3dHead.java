package io.action4j.plugins.heads;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;

/** Pools NCTHW features to NC and classifies them ({@code avg_pool}, {@code fc_cls}). */
final class I3dHead implements RecognitionHead {

    private final I3dHeadConfig config;

    I3dHead(I3dHeadConfig config) {
        this.config = config;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public Feature build(GraphBuilder graph, Feature features) {
        Feature pooled = features.shape().rank() > 2 ? graph.globalAveragePool("avg_pool", features) : features;
        Feature dropped = graph.dropout("dropout", pooled, config.dropoutRatio());
        return graph.linear("fc_cls", dropped, config.numClasses(), config.initStd());
    }
}
