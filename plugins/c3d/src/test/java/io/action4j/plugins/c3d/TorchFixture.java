package io.action4j.plugins.c3d;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * A parity fixture written by {@code parity/make_parity_fixtures.py}: tensors under MMAction2's
 * names (weights, {@code input}, {@code output}) in torch's layout, and the c3d config keys the
 * same network is built with here. (The resnet3d plugin's tests read the same format.)
 */
record TorchFixture(JsonNode config, Map<String, INDArray> tensors) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    static TorchFixture load(String name) {
        JsonNode manifest;
        byte[] blob;
        try (InputStream json = resource(name + ".json"); InputStream bin = resource(name + ".bin")) {
            manifest = new ObjectMapper().readTree(json);
            blob = bin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"float32".equals(manifest.path("dtype").asText()) || !"little".equals(manifest.path("byteOrder").asText())) {
            throw new IllegalStateException(name + ": expected little-endian float32, got " + manifest);
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
        return new TorchFixture(manifest.get("config"), tensors);
    }

    private static InputStream resource(String name) {
        InputStream in = TorchFixture.class.getResourceAsStream("/parity/" + name);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + name
                    + "; run src/test/resources/parity/make_parity_fixtures.py");
        }
        return in;
    }

    INDArray input() {
        return tensors.get(INPUT);
    }

    INDArray output() {
        return tensors.get(OUTPUT);
    }

    /** The network's parameters: every tensor but the input and the output. */
    Map<String, INDArray> stateDict() {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeAll(List.of(INPUT, OUTPUT));
        return state;
    }
}
