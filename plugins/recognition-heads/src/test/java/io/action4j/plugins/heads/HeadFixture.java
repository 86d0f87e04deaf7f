package io.action4j.plugins.heads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** A fixture written by {@code parity/make_tsn_head_fixture.py}: named float32 tensors in torch's layout. */
record HeadFixture(JsonNode manifest, Map<String, INDArray> tensors) {

    static HeadFixture load(String name) {
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
            Arrays.setAll(shape, i -> entry.get("shape").get(i).asLong());
            float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
            buffer.position(entry.get("offset").asInt());
            buffer.asFloatBuffer().get(values);
            tensors.put(entry.get("name").asText(), Nd4j.create(values, shape, 'c'));
        }
        return new HeadFixture(manifest, tensors);
    }

    private static InputStream resource(String name) {
        InputStream in = HeadFixture.class.getResourceAsStream("/parity/" + name);
        if (in == null) {
            throw new IllegalStateException("no fixture /parity/" + name + "; run src/test/resources/parity/"
                    + "make_tsn_head_fixture.py");
        }
        return in;
    }

    INDArray tensor(String name) {
        INDArray tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalStateException("fixture has no tensor " + name + "; it has " + tensors.keySet());
        }
        return tensor;
    }
}
