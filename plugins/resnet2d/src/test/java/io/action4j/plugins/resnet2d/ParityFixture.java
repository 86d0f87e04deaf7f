package io.action4j.plugins.resnet2d;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A parity fixture written by {@code parity/make_parity_fixtures.py}: tensors under MMAction2's
 * checkpoint keys in torch's layout, {@code input}, {@code features}, {@code logits}, and the
 * resnet2d config keys the same network is built with here.
 */
record ParityFixture(String variant, JsonNode manifest, Map<String, INDArray> tensors) {

    private static final List<String> DATA = List.of("input", "features", "logits");

    static ParityFixture load(String variant) {
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
            Arrays.setAll(shape, i -> entry.get("shape").get(i).asLong());
            float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
            buffer.position(entry.get("offset").asInt());
            buffer.asFloatBuffer().get(values);
            tensors.put(entry.get("name").asText(), Nd4j.create(values, shape, 'c'));
        }
        return new ParityFixture(variant, manifest, tensors);
    }

    private static InputStream resource(String name) {
        InputStream in = ParityFixture.class.getResourceAsStream("/parity/" + name);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + name
                    + "; run src/test/resources/parity/make_parity_fixtures.py");
        }
        return in;
    }

    /** The defaults with the fixture's keys set. */
    ResNet2dConfig config() {
        Configs configs = Configs.defaults();
        manifest.get("config").fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "depth" -> configs.depth(value.asInt());
                case "baseChannels" -> configs.baseChannels(value.asInt());
                case "shiftDiv" -> configs.shiftDiv(value.asInt());
                case "stageBlocks" -> {
                    Integer[] blocks = new Integer[value.size()];
                    Arrays.setAll(blocks, i -> value.get(i).asInt());
                    configs.stageBlocks(List.of(blocks));
                }
                default -> throw new IllegalStateException(variant + ": unexpected config key " + field.getKey());
            }
        });
        return configs.build();
    }

    INDArray tensor(String name) {
        return tensors.get(name);
    }

    /** The checkpoint: every tensor but the input and the expected outputs. */
    Map<String, INDArray> stateDict() {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeAll(DATA);
        return state;
    }
}
