package io.action4j.localization.activitynet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.io.FileMessages;
import io.action4j.registry.config.JsonMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parsed JSON file with typed accessors that report the file and the key path of anything
 * missing or ill-typed, instead of returning null.
 */
final class JsonDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonNode root;

    private JsonDocument(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static JsonDocument read(Path file) throws ActivityNetFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return new JsonDocument(file, MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            throw new ActivityNetFormatException(file, "", "not valid JSON at " + JsonMessages.describe(e), e);
        } catch (IOException e) {
            throw new ActivityNetFormatException(file, "", "cannot be read (" + FileMessages.describe(e) + ")", e);
        }
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The value at {@code key} of the object {@code node} found at {@code path}. */
    JsonNode field(JsonNode node, String path, String key) throws ActivityNetFormatException {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(child(path, key), "is missing");
        }
        return value;
    }

    JsonNode object(JsonNode node, String path) throws ActivityNetFormatException {
        return expect(node, path, node != null && node.isObject(), "an object");
    }

    JsonNode array(JsonNode node, String path) throws ActivityNetFormatException {
        return expect(node, path, node.isArray(), "an array");
    }

    String text(JsonNode node, String path) throws ActivityNetFormatException {
        return expect(node, path, node.isTextual(), "a string").textValue();
    }

    double number(JsonNode node, String path) throws ActivityNetFormatException {
        return expect(node, path, node.isNumber(), "a number").doubleValue();
    }

    /**
     * A {@code [start, end]} pair of numbers at {@code path} (ActivityNet's {@code segment}); the order
     * of the two is the caller's to check.
     */
    double[] startEnd(JsonNode bounds, String path) throws ActivityNetFormatException {
        if (!bounds.isArray() || bounds.size() != 2) {
            throw error(path, "must be a [start, end] array, got " + bounds);
        }
        return new double[] {number(bounds.get(0), element(path, 0)), number(bounds.get(1), element(path, 1))};
    }

    ActivityNetFormatException error(String path, String problem) {
        return new ActivityNetFormatException(file, path, problem);
    }

    private JsonNode expect(JsonNode node, String path, boolean ok, String expected)
            throws ActivityNetFormatException {
        if (!ok) {
            String actual = node == null || node.isMissingNode() ? "nothing (empty file?)" : node.toString();
            throw error(path.isEmpty() ? "(top level)" : path, "must be " + expected + ", got " + abbreviate(actual));
        }
        return node;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
