package io.action4j.plugins.resnet3d;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.testing.ParityFixture;
import java.util.ArrayList;
import java.util.List;

/**
 * The config a parity fixture's network is built with here: {@code parity/make_parity_fixtures.py}
 * records only the resnet3d keys that differ from the defaults, under this plugin's key names.
 */
final class FixtureConfigs {

    private FixtureConfigs() {
    }

    /** The defaults with the fixture's keys set. */
    static ResNet3dConfig resNet3dConfig(ParityFixture fixture) {
        return resNet3dConfig(fixture.name(), fixture.config(), Configs.defaults());
    }

    /** The SlowFast defaults with the fixture's keys set (pathway keys over the pathway defaults). */
    static SlowFastConfig slowFastConfig(ParityFixture fixture) {
        JsonNode config = fixture.config();
        SlowFastConfig d = SlowFastConfig.DEFAULTS;
        return new SlowFastConfig(config.path("resampleRate").asInt(d.resampleRate()),
                config.path("speedRatio").asInt(d.speedRatio()), config.path("channelRatio").asInt(d.channelRatio()),
                config.path("fusionKernel").asInt(d.fusionKernel()),
                config.path("lateralInflation").asInt(d.lateralInflation()),
                config.path("lateral").asBoolean(d.lateral()), config.path("lateralNorm").asBoolean(d.lateralNorm()),
                resNet3dConfig(fixture.name(), config.get("slowPathway"), Configs.of(d.slowPathway())),
                resNet3dConfig(fixture.name(), config.get("fastPathway"), Configs.of(d.fastPathway())));
    }

    private static ResNet3dConfig resNet3dConfig(String variant, JsonNode config, Configs configs) {
        config.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "depth" -> configs.depth(value.asInt());
                case "convType" -> configs.convType(value.asText());
                case "baseChannels" -> configs.baseChannels(value.asInt());
                case "stemMidChannels" -> configs.stemMidChannels(value.asInt());
                case "stageBlocks" -> configs.stageBlocks(ints(value));
                case "temporalStrides" -> configs.temporalStrides(ints(value));
                case "stemKernel" -> configs.stemKernel(ints(value));
                case "stemStride" -> configs.stemStride(ints(value));
                case "stemPool" -> configs.stemPool(value.asBoolean());
                case "stemPoolStride" -> configs.stemPoolStride(ints(value));
                case "withPool2" -> configs.withPool2(value.asBoolean());
                case "inflateStyle" -> configs.inflateStyle(value.asText());
                case "inflate" -> configs.inflate = inflate(value);
                case "nonLocal" -> configs.nonLocal = inflate(value);
                case "nonLocalMode" -> configs.nonLocalMode(value.asText());
                case "nonLocalSubSample" -> configs.nonLocalSubSample(value.asBoolean());
                case "nonLocalUseScale" -> configs.nonLocalUseScale(value.asBoolean());
                case "bnEpsilon" -> configs.bnEpsilon(value.asDouble());
                default -> throw new IllegalStateException(variant + ": unexpected config key " + field.getKey());
            }
        });
        return configs.build();
    }

    private static List<List<Integer>> inflate(JsonNode stages) {
        List<List<Integer>> lists = new ArrayList<>();
        stages.forEach(stage -> lists.add(List.of(ints(stage))));
        return lists;
    }

    private static Integer[] ints(JsonNode array) {
        Integer[] values = new Integer[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
