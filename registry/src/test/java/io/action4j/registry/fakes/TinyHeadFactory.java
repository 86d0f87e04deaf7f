package io.action4j.registry.fakes;

import io.action4j.api.ConfigChecks;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.RecognitionHeadFactory;

/** {@code tiny_cls}: global average pooling + linear. */
public final class TinyHeadFactory implements RecognitionHeadFactory<TinyHeadFactory.Config> {

    public static final String NAME = "tiny_cls";

    public record Config(int numClasses) {
        public Config {
            ConfigChecks.positive("numClasses", numClasses);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return new Config(3);
    }

    @Override
    public RecognitionHead create(Config config) {
        return new RecognitionHead() {
            @Override
            public int numClasses() {
                return config.numClasses();
            }

            @Override
            public Feature build(GraphBuilder graph, Feature features) {
                return graph.linear("fc", graph.globalAveragePool("pool", features), config.numClasses(), 0.01);
            }
        };
    }
}
