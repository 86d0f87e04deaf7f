package io.action4j.plugins.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A node's attributes, read in TensorFlow's JSON AttrValue form; a missing or malformed attribute is an
 * error naming the node.
 */
final class NodeAttributes {

    private final String node;
    private final String op;
    private final Map<String, JsonNode> values;

    NodeAttributes(String node, String op, Map<String, JsonNode> values) {
        this.node = node;
        this.op = op;
        this.values = values;
    }

    /** A string attribute ({@code s}, base64 in the JSON), or {@code fallback} when absent. */
    String string(String key, String fallback) {
        JsonNode value = values.get(key);
        if (value == null || !value.has("s")) {
            return fallback;
        }
        try {
            return new String(Base64.getDecoder().decode(value.get("s").asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(key, "is not base64");
        }
    }

    /** An integer list attribute ({@code list.i}), or {@code fallback} when absent. */
    long[] integers(String key, long[] fallback) {
        JsonNode value = values.get(key);
        if (value == null || !value.has("list")) {
            return fallback;
        }
        JsonNode list = value.get("list").get("i");
        if (list == null) {
            return new long[0];
        }
        long[] result = new long[list.size()];
        for (int i = 0; i < result.length; i++) {
            String text = list.get(i).asText();
            try {
                result[i] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid(key, "holds '" + text + "', not an integer");
            }
        }
        return result;
    }

    /** An integer list attribute of exactly {@code size} values (strides, dilations, kernel sizes). */
    long[] integers(String key, int size, long[] fallback) {
        long[] result = integers(key, fallback);
        if (result.length != size) {
            throw invalid(key, "must hold " + size + " integers, got " + result.length);
        }
        return result;
    }

    double number(String key, double fallback) {
        JsonNode value = values.get(key);
        if (value == null || !value.has("f")) {
            return fallback;
        }
        return value.get("f").asDouble();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = values.get(key);
        if (value == null || !value.has("b")) {
            return fallback;
        }
        return value.get("b").asBoolean();
    }

    TfjsModelException invalid(String key, String problem) {
        return new TfjsModelException("node '" + node + "' (" + op + "): attribute " + key + " " + problem);
    }
}
