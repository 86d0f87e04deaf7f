package io.action4j.plugins.s3d;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixture written by {@code parity/make_parity_fixtures.py}: named tensors in torch's layout
 * (torchvision's state-dict keys, {@code input}, {@code output...}) and the manifest's other
 * fields ({@code config}: the plugin config keys the same network is built with here).
 */
record TorchFixture(String name, JsonNode manifest, Map<String, INDArray> tensors) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    /** A committed fixture, {@code /parity/<name>.json} and {@code .bin} on the test class path. */
    static TorchFixture resource(String name) {
        try (InputStream json = open(name + ".json"); InputStream bin = open(name + ".bin")) {
            return parse(name, json.readAllBytes(), bin.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture in a folder, e.g. one written by {@code --full}. */
    static TorchFixture file(Path folder, String name) {
        try {
            return parse(name, Files.readAllBytes(folder.resolve(name + ".json")),
                    Files.readAllBytes(folder.resolve(name + ".bin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TorchFixture parse(String name, byte[] json, byte[] blob) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(json);
        if (!"float32".equals(manifest.path("dtype").asText()) || !"little".equals(manifest.path("byteOrder").asText())) {
            throw new IllegalStateException(name + ": expected little-endian float32");
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
        return new TorchFixture(name, manifest, tensors);
    }

    private static InputStream open(String file) {
        InputStream in = TorchFixture.class.getResourceAsStream("/parity/" + file);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + file
                    + "; run src/test/resources/parity/make_parity_fixtures.py");
        }
        return in;
    }

    JsonNode config() {
        return manifest.get("config");
    }

    INDArray tensor(String tensorName) {
        INDArray tensor = tensors.get(tensorName);
        if (tensor == null) {
            throw new IllegalStateException(name + " has no tensor " + tensorName);
        }
        return tensor;
    }

    INDArray input() {
        return tensor(INPUT);
    }

    INDArray output() {
        return tensor(OUTPUT);
    }

    /** The network's parameters and buffers: every tensor but the inputs and outputs. */
    Map<String, INDArray> stateDict() {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeIf(key -> key.equals(INPUT) || key.startsWith(OUTPUT));
        return state;
    }
}
