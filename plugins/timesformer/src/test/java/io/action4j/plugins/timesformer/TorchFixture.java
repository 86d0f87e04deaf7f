package io.action4j.plugins.timesformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * state-dict keys in torch's layout, {@code input}, {@code features}, {@code logits}, and the
 * timesformer keys the same model is built with here.
 */
record TorchFixture(String variant, TimeSformerConfig backbone, TimeSformerHeadConfig head,
                    Map<String, INDArray> tensors) {

    static final List<String> NOT_STATE = List.of("input", "features", "logits");

    private static final ObjectMapper JSON = new ObjectMapper();

    static TorchFixture load(String variant) {
        JsonNode manifest;
        byte[] blob;
        try (InputStream json = resource(variant + ".json"); InputStream bin = resource(variant + ".bin")) {
            manifest = JSON.readTree(json);
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
        return new TorchFixture(variant, bind(manifest.get("config"), TimeSformerConfig.DEFAULTS),
                bind(manifest.get("head"), TimeSformerHeadConfig.DEFAULTS), tensors);
    }

    /** The defaults with the fixture's keys set, bound the way a config file is. */
    private static <C extends Record> C bind(JsonNode keys, C defaults) {
        ObjectNode merged = JSON.valueToTree(defaults);
        merged.setAll((ObjectNode) keys);
        try {
            @SuppressWarnings("unchecked")
            C config = (C) JSON.treeToValue(merged, defaults.getClass());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TorchFixture.class.getResourceAsStream("/parity/" + name);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + name
                    + "; run src/test/resources/parity/make_parity_fixtures.py");
        }
        return in;
    }

    INDArray tensor(String name) {
        return tensors.get(name);
    }

    /** The parameters: every tensor but the input and the outputs. */
    Map<String, INDArray> stateDict() {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeAll(NOT_STATE);
        return state;
    }
}
