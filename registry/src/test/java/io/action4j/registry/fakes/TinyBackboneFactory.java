package io.action4j.registry.fakes;

import io.action4j.api.ConfigChecks;
import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.Feature;
import java.util.List;

/** {@code tiny3d}: one conv3d + batch norm + ReLU. */
public final class TinyBackboneFactory implements BackboneFactory<TinyBackboneFactory.Config> {

    public static final String NAME = "tiny3d";

    /** @param width output channels; @param kernel (t, h, w), applied without padding */
    public record Config(int width, List<Integer> kernel) {
        public Config {
            ConfigChecks.positive("width", width);
            kernel = ConfigChecks.positiveTriple("kernel", kernel);
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
        return new Config(4, List.of(1, 3, 3));
    }

    @Override
    public Backbone create(Config config) {
        int[] kernel = config.kernel().stream().mapToInt(Integer::intValue).toArray();
        return (graph, input) -> {
            Feature conv = graph.conv3d("conv", input, config.width(), kernel, new int[] {1, 1, 1}, new int[3], false);
            return graph.relu("relu", graph.batchNorm("bn", conv, 1e-5));
        };
    }
}
