package com.example.acme;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;

/** Builds {@link PlainConvNetConfig}'s stages with the host's {@link GraphBuilder}. */
final class PlainConvNet implements Backbone {

    private static final int[] KERNEL = {3, 3, 3};
    private static final int[] UNIT = {1, 1, 1};

    private final PlainConvNetConfig config;

    PlainConvNet(PlainConvNetConfig config) {
        this.config = config;
    }

    @Override
    public Feature build(GraphBuilder graph, Feature input) {
        Feature x = input;
        for (int stage = 0; stage < config.widths().size(); stage++) {
            String name = "stage" + (stage + 1);
            x = graph.conv3d(name + ".conv", x, config.widths().get(stage), KERNEL, UNIT, UNIT, false);
            x = graph.relu(name + ".relu", graph.batchNorm(name + ".bn", x, 1e-5));
            int[] pool = stage == 0 ? new int[] {1, 2, 2} : new int[] {2, 2, 2};
            x = graph.maxPool3d(name + ".pool", x, pool, pool, new int[3]);
        }
        return x;
    }
}
