package io.action4j.engine.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads {@code training/optimizer_fixtures.json} (made by {@code make_optimizer_fixtures.py}). */
final class TrainingFixtures {

    private static JsonNode root;

    private TrainingFixtures() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = TrainingFixtures.class.getResourceAsStream("/training/optimizer_fixtures.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static JsonNode find(String section, String name) {
        for (JsonNode node : root().get(section)) {
            if (node.get("name").asText().equals(name)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no " + section + " fixture " + name);
    }

    static List<String> names(String section) {
        List<String> names = new ArrayList<>();
        root().get(section).forEach(node -> names.add(node.get("name").asText()));
        return names;
    }

    /** Binds a fixture's config mapping (action4j's camelCase keys) with the real binder. */
    static <T> T bind(JsonNode config, Class<T> type) {
        ConfigBinder binder = new ConfigBinder(PluginLoader.load(TrainingFixtures.class.getClassLoader(), List.of()));
        return binder.bind(new ConfigTree((ObjectNode) config, new HashMap<>(), "fixture"), type);
    }

    /** A fixture's scheduler list, bound as a config's {@code paramScheduler} key. */
    static List<ParamSchedulerConfig> schedulers(JsonNode list) {
        ObjectNode config = new ObjectMapper().createObjectNode();
        config.set("paramScheduler", list);
        return bind(config, Schedulers.class).paramScheduler();
    }

    record Schedulers(List<ParamSchedulerConfig> paramScheduler) {
    }

    /** {"shape": [...], "values": [...]} as a float32 array. */
    static INDArray tensor(JsonNode entry) {
        long[] shape = new long[entry.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = entry.get("shape").get(i).asLong();
        }
        return Nd4j.create(floats(entry.get("values")), shape, DataType.FLOAT);
    }

    static float[] floats(JsonNode values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (float) values.get(i).asDouble();
        }
        return result;
    }

    static Map<String, INDArray> tensors(JsonNode entries) {
        Map<String, INDArray> result = new LinkedHashMap<>();
        entries.fields().forEachRemaining(field -> result.put(field.getKey(), tensor(field.getValue())));
        return result;
    }

    /** Flat values keyed by name, reshaped like {@code like}'s arrays. */
    static Map<String, INDArray> valuesLike(JsonNode values, Map<String, INDArray> like) {
        Map<String, INDArray> result = new LinkedHashMap<>();
        values.fields().forEachRemaining(field -> result.put(field.getKey(),
                Nd4j.create(floats(field.getValue()), like.get(field.getKey()).shape(), DataType.FLOAT)));
        return result;
    }
}
