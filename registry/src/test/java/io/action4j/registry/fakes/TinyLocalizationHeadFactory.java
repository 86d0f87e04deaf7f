package io.action4j.registry.fakes;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.LocalizationHeadFactory;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.TemporalSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code tiny_loc}: an actionness score per time step (sigmoid of the channel mean); decoding
 * returns each run of steps scoring above {@code threshold} as one segment.
 */
public final class TinyLocalizationHeadFactory implements LocalizationHeadFactory<TinyLocalizationHeadFactory.Config> {

    public static final String NAME = "tiny_loc";

    public record Config(double threshold) {
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
        return new Config(0.5);
    }

    @Override
    public LocalizationHead create(Config config) {
        return new LocalizationHead() {
            @Override
            public Map<String, Feature> build(GraphBuilder graph, Feature features) {
                var sd = graph.sameDiff();
                var actionness = sd.nn().sigmoid("actionness", sd.mean(features.variable(), 1));
                TensorShape shape = TensorShape.of(features.shape().dim(0), features.shape().dim(2));
                return Map.of("actionness", new Feature(actionness, shape));
            }

            @Override
            public List<TemporalSegment> decode(Map<String, INDArray> outputs, double durationSeconds) {
                INDArray scores = outputs.get("actionness");
                long steps = scores.size(1);
                List<TemporalSegment> segments = new ArrayList<>();
                int start = -1;
                for (int t = 0; t <= steps; t++) {
                    boolean active = t < steps && scores.getDouble(0, t) > config.threshold();
                    if (active && start < 0) {
                        start = t;
                    } else if (!active && start >= 0) {
                        segments.add(new TemporalSegment(start * durationSeconds / steps, t * durationSeconds / steps, -1, 1));
                        start = -1;
                    }
                }
                return segments;
            }
        };
    }
}
