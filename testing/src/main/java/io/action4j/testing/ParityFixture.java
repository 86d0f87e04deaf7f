package io.action4j.testing;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A parity fixture as a PyTorch reference script writes it: {@code NAME.bin}, the tensors as
 * little-endian float32 one after the other, and {@code NAME.json}, the manifest: {@code dtype},
 * {@code byteOrder}, {@code tensors} (each {@code name}, {@code shape}, byte {@code offset}) and
 * whatever else the script records (the component's config keys, the names' convention, expected
 * statistics). Tensors keep PyTorch's layout and state-dict names; the data tensors (the input, the
 * expected output, ...) sit beside the parameters under names of the script's choosing.
 *
 * @param name the fixture's name (its files' stem)
 * @param manifest the whole manifest, for the keys the script adds
 */
public record ParityFixture(String name, JsonNode manifest, Map<String, INDArray> tensors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The fixture {@code /parity/NAME.json} + {@code .bin} on the class path of {@code anchor} (a
     * test's resources).
     */
    public static ParityFixture resource(Class<?> anchor, String name) {
        try (InputStream json = open(anchor, name + ".json"); InputStream bin = open(anchor, name + ".bin")) {
            return parse(name, json.readAllBytes(), bin.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("parity fixture " + name, e);
        }
    }

    /** The fixture {@code NAME.json} + {@code NAME.bin} in {@code folder} (e.g. a full-size one made on demand). */
    public static ParityFixture file(Path folder, String name) {
        try {
            return parse(name, Files.readAllBytes(folder.resolve(name + ".json")),
                    Files.readAllBytes(folder.resolve(name + ".bin")));
        } catch (IOException e) {
            throw new UncheckedIOException("parity fixture " + folder.resolve(name), e);
        }
    }

    private static InputStream open(Class<?> anchor, String file) {
        InputStream in = anchor.getResourceAsStream("/parity/" + file);
        if (in == null) {
            throw new IllegalStateException("no parity fixture /parity/" + file
                    + " on the test class path; the module's script in src/test/resources/parity/ writes it");
        }
        return in;
    }

    private static ParityFixture parse(String name, byte[] json, byte[] blob) throws IOException {
        JsonNode manifest = JSON.readTree(json);
        if (!"float32".equals(manifest.path("dtype").asText()) || !"little".equals(manifest.path("byteOrder").asText())) {
            throw new IllegalStateException(name + ": expected little-endian float32 tensors, got dtype "
                    + manifest.path("dtype") + ", byte order " + manifest.path("byteOrder"));
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
        return new ParityFixture(name, manifest, tensors);
    }

    /** The component's config keys the script recorded ({@code config} in the manifest). */
    public JsonNode config() {
        return manifest.get("config");
    }

    /** The tensor {@code name}. */
    public INDArray tensor(String tensorName) {
        INDArray tensor = tensors.get(tensorName);
        if (tensor == null) {
            throw new IllegalArgumentException(name + " has no tensor '" + tensorName + "'; it has " + tensors.keySet());
        }
        return tensor;
    }

    /** Every tensor but the named data tensors: the network's parameters and buffers. */
    public Map<String, INDArray> stateDict(Collection<String> dataTensors) {
        Map<String, INDArray> state = new LinkedHashMap<>(tensors);
        state.keySet().removeAll(dataTensors);
        return state;
    }
}
