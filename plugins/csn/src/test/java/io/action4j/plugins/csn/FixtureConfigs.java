package io.action4j.plugins.csn;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.testing.ParityFixture;
import java.util.ArrayList;
import java.util.List;

/**
 * The config a parity fixture's network is built with here: {@code parity/make_parity_fixtures.py}
 * records only the csn keys that differ from the defaults, under this plugin's key names.
 */
final class FixtureConfigs {

    private FixtureConfigs() {
    }

    /** The defaults with the fixture's keys set. */
    static CsnConfig csnConfig(ParityFixture fixture) {
        Configs configs = Configs.defaults();
        fixture.config().fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "depth" -> configs.depth(value.asInt());
                case "bottleneckMode" -> configs.bottleneckMode(value.asText());
                case "baseChannels" -> configs.baseChannels(value.asInt());
                case "stageBlocks" -> configs.stageBlocks(ints(value));
                default -> throw new IllegalStateException(fixture.name() + ": unexpected config key "
                        + field.getKey());
            }
        });
        return configs.build();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }
}
