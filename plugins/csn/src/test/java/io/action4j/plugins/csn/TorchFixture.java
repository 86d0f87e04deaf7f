package io.action4j.plugins.csn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A parity fixture written by {@code parity/make_parity_fixtures.py}: weights, running statistics,
 * {@code input} and {@code output} in torch's layout under MMAction2's state-dict names, and the
 * csn config keys the same network is built with here.
 */
record TorchFixture(String variant, JsonNode config, Map<String, INDArray> tensors) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    /** A fixture committed under {@code src/test/resources/parity}. */
    static TorchFixture load(String variant) {
        return load(variant, TorchFixture::resource);
    }

    /** A fixture in a folder, e.g. the backbone one that {@code --full} writes. */
    static TorchFixture load(Path folder, String name) {
        return load(name, file -> {
            try {
                return Files.newInputStream(folder.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static TorchFixture load(String variant, Function<String, InputStream> open) {
        JsonNode manifest;
        byte[] blob;
        try (InputStream json = open.apply(variant + ".json"); InputStream bin = open.apply(variant + ".bin")) {
            manifest = new ObjectMapper().readTree(json);
            blob = bin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"float32".equals(manifest.path("dtype").asText()) || !"little".equals(manifest.path("byteOrder").asText())
                || !"mmaction2".equals(manifest.path("names").asText())) {
            throw new IllegalStateException(variant + ": expected little-endian float32 with MMAction2 names");
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
        return new TorchFixture(variant, manifest.get("config"), tensors);
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
    CsnConfig csnConfig() {
        Configs configs = Configs.defaults();
        config.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "depth" -> configs.depth(value.asInt());
                case "bottleneckMode" -> configs.bottleneckMode(value.asText());
                case "baseChannels" -> configs.baseChannels(value.asInt());
                case "stageBlocks" -> configs.stageBlocks(ints(value));
                default -> throw new IllegalStateException(variant + ": unexpected config key " + field.getKey());
            }
        });
        return configs.build();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
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
