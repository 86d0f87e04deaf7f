package io.action4j.plugins.resnet3d;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A parity fixture written by {@code parity/make_parity_fixtures.py}: weights, running statistics,
 * {@code input} and {@code output} in torch's layout, under the reference's state-dict names
 * (torchvision's, or MMAction2's for the I3D reference, see {@link #names()}), and the resnet3d
 * config keys the same network is built with here.
 */
record TorchFixture(String variant, JsonNode config, String names, Map<String, INDArray> tensors) {

    /** {@link #names()} of a fixture whose keys are already MMAction2's (and so this backbone's). */
    static final String MMACTION2_NAMES = "mmaction2";

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    static TorchFixture load(String variant) {
        JsonNode manifest;
        byte[] blob;
        try (InputStream json = resource(variant + ".json"); InputStream bin = resource(variant + ".bin")) {
            manifest = new ObjectMapper().readTree(json);
            blob = bin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"float32".equals(manifest.path("dtype").asText()) || !"little".equals(manifest.path("byteOrder").asText())) {
            throw new IllegalStateException(variant + ": expected little-endian float32, got " + manifest);
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (JsonNode entry : manifest.get("tensors")) {
            long[] shape = new long[entry.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = entry.get("shape").get(i).asLong();
            }
            float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
            buffer.position(entry.get("offset").asInt());
            buffer.asFloatBuffer().get(values);
            tensors.put(entry.get("name").asText(), Nd4j.create(values, shape, 'c'));
        }
        return new TorchFixture(variant, manifest.get("config"), manifest.path("names").asText("torchvision"), tensors);
    }

    private static InputStream resource(String name) {
        InputStream in = TorchFixture.class.getResourceAsStream("/parity/" + name);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + name
                    + "; run src/test/resources/parity/make_parity_fixtures.py");
        }
        return in;
    }

    /** The defaults with the fixture's keys set. */
    ResNet3dConfig resNet3dConfig() {
        return resNet3dConfig(variant, config, Configs.defaults());
    }

    /** The SlowFast defaults with the fixture's keys set (pathway keys over the pathway defaults). */
    SlowFastConfig slowFastConfig() {
        SlowFastConfig d = SlowFastConfig.DEFAULTS;
        return new SlowFastConfig(config.path("resampleRate").asInt(d.resampleRate()),
                config.path("speedRatio").asInt(d.speedRatio()), config.path("channelRatio").asInt(d.channelRatio()),
                config.path("fusionKernel").asInt(d.fusionKernel()),
                config.path("lateralInflation").asInt(d.lateralInflation()), config.path("lateral").asBoolean(d.lateral()),
                config.path("lateralNorm").asBoolean(d.lateralNorm()),
                resNet3dConfig(variant, config.get("slowPathway"), Configs.of(d.slowPathway())),
                resNet3dConfig(variant, config.get("fastPathway"), Configs.of(d.fastPathway())));
    }

    int numClasses() {
        return config.get("numClasses").asInt();
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

    INDArray input() {
        return tensors.get(INPUT);
    }

    INDArray output() {
        return tensors.get(OUTPUT);
    }

    /** The network's parameters and buffers: every tensor but the input and the output. */
    Map<String, INDArray> stateDict() {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeAll(List.of(INPUT, OUTPUT));
        return state;
    }
}
