package io.action4j.registry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads YAML ({@code .yaml}, {@code .yml}) and JSON ({@code .json}) configs the MMEngine way:
 * <ul>
 *   <li>{@code _base_: path} or a list of paths, relative to the including file: the bases are
 *       merged in order, then the file itself is merged on top;</li>
 *   <li>merging is deep for mappings; any other value (lists too) replaces what was there;</li>
 *   <li>{@code _delete_: true} inside a mapping replaces the inherited mapping instead of merging;</li>
 *   <li>{@code --set a.b.c=value} overrides, the value read as YAML ({@code 18}, {@code true},
 *       {@code [1, 2]}, {@code text}).</li>
 * </ul>
 * Parsing builds plain data trees only: no tags, no object construction, no code from a config.
 */
public final class ConfigLoader {

    static final String BASE_KEY = "_base_";
    static final String DELETE_KEY = "_delete_";

    private final ObjectMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** Loads {@code file} with its bases, then applies the {@code --set} overrides in order. */
    public ConfigTree load(Path file, List<String> overrides) {
        Map<String, String> origins = new HashMap<>();
        ObjectNode root = loadWithBases(file.toAbsolutePath().normalize(), new ArrayList<>(), origins);
        ConfigTree tree = new ConfigTree(root, origins, file.toString());
        return applyOverrides(tree, overrides);
    }

    public ConfigTree load(Path file) {
        return load(file, List.of());
    }

    /** Parses a config held in memory (a built-in default); it may not use {@code _base_}. */
    public ConfigTree parse(String text, String sourceName) {
        ObjectNode root = parseObject(text, sourceName, true);
        if (root.has(BASE_KEY)) {
            throw new ConfigException(sourceName, BASE_KEY, "a config that is not a file cannot have bases");
        }
        Map<String, String> origins = new HashMap<>();
        ObjectNode merged = yaml.createObjectNode();
        merge(merged, root, "", sourceName, null, origins);
        return new ConfigTree(merged, origins, sourceName);
    }

    /** A copy of {@code tree} with each {@code key.path=value} override applied in order. */
    public ConfigTree applyOverrides(ConfigTree tree, List<String> overrides) {
        if (overrides.isEmpty()) {
            return tree;
        }
        ObjectNode root = tree.root().deepCopy();
        Map<String, String> origins = new HashMap<>(tree.origins());
        for (String override : overrides) {
            applyOverride(root, origins, override);
        }
        return new ConfigTree(root, origins, tree.mainSource());
    }

    private ObjectNode loadWithBases(Path file, List<Path> chain, Map<String, String> origins) {
        if (chain.contains(file)) {
            throw new ConfigException(chain.get(chain.size() - 1).toString(), BASE_KEY,
                    "inheritance cycle: " + String.join(" -> ", chain.stream().map(Path::toString).toList()) + " -> " + file);
        }
        String source = file.toString();
        ObjectNode content = parseObject(read(file), source, !isJson(file));
        List<String> bases = baseList(content.remove(BASE_KEY), source);
        chain.add(file);
        ObjectNode merged = content.objectNode();
        for (String base : bases) {
            Path basePath = file.getParent().resolve(base).normalize();
            if (!Files.exists(basePath)) {
                throw new ConfigException(source, BASE_KEY, "base config " + base + " not found (looked for " + basePath + ")");
            }
            // Each base records its origins apart: merging it from scratch would otherwise forget
            // the origins an earlier base recorded for the same sections.
            Map<String, String> baseOrigins = new HashMap<>();
            ObjectNode baseTree = loadWithBases(basePath, chain, baseOrigins);
            merge(merged, baseTree, "", basePath.toString(), baseOrigins, origins);
        }
        chain.remove(chain.size() - 1);
        merge(merged, content, "", source, null, origins);
        return merged;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw new ConfigException(file.toString(), "", "the config file is empty");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "config file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read config file: " + e.getMessage(), e);
        }
    }

    private ObjectNode parseObject(String text, String source, boolean asYaml) {
        JsonNode node;
        try {
            node = (asYaml ? yaml : json).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", "not valid " + (asYaml ? "YAML" : "JSON") + " at "
                    + JsonMessages.describe(e), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new ConfigException(source, "", "the config file is empty");
        }
        if (!node.isObject()) {
            throw new ConfigException(source, "", "a config must be a mapping of keys to values, got a " + kindOf(node));
        }
        return (ObjectNode) node;
    }

    private static List<String> baseList(JsonNode bases, String source) {
        if (bases == null || bases.isNull()) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        if (bases.isTextual()) {
            paths.add(bases.asText());
        } else if (bases.isArray()) {
            for (JsonNode base : bases) {
                if (!base.isTextual()) {
                    throw new ConfigException(source, BASE_KEY, "must hold file paths, got a " + kindOf(base));
                }
                paths.add(base.asText());
            }
        } else {
            throw new ConfigException(source, BASE_KEY, "must be a file path or a list of them, got a " + kindOf(bases));
        }
        return paths;
    }

    /**
     * Merges {@code source} into {@code target}, recording where each value came from: from
     * {@code sourceOrigins} when given (a base, whose origins were recorded when it was loaded),
     * otherwise {@code sourceName}. {@code _delete_} keys are applied and never copied.
     */
    private static void merge(ObjectNode target, ObjectNode source, String prefix, String sourceName,
                              Map<String, String> sourceOrigins, Map<String, String> origins) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals(DELETE_KEY)) {
                continue;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            JsonNode value = field.getValue();
            JsonNode existing = target.get(key);
            boolean replace = value.isObject() && deleteRequested((ObjectNode) value, path, sourceName);
            if (value.isObject() && existing != null && existing.isObject() && !replace) {
                origins.putIfAbsent(path, originOf(path, sourceName, sourceOrigins));
                merge((ObjectNode) existing, (ObjectNode) value, path, sourceName, sourceOrigins, origins);
            } else {
                forgetOrigins(origins, path);
                JsonNode copy = withoutDeleteKeys(value.deepCopy(), path, sourceName);
                target.set(key, copy);
                recordOrigins(copy, path, sourceName, sourceOrigins, origins);
            }
        }
    }

    private static String originOf(String path, String sourceName, Map<String, String> sourceOrigins) {
        return sourceOrigins == null ? sourceName : sourceOrigins.getOrDefault(path, sourceName);
    }

    /** Removes (after checking) every {@code _delete_} flag in a mapping that had nothing to replace. */
    private static JsonNode withoutDeleteKeys(JsonNode node, String path, String sourceName) {
        if (node.isObject()) {
            deleteRequested((ObjectNode) node, path, sourceName);
            ((ObjectNode) node).remove(DELETE_KEY);
            node.fields().forEachRemaining(f -> withoutDeleteKeys(f.getValue(), path + "." + f.getKey(), sourceName));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                withoutDeleteKeys(node.get(i), path + "[" + i + "]", sourceName);
            }
        }
        return node;
    }

    private static boolean deleteRequested(ObjectNode value, String path, String sourceName) {
        JsonNode flag = value.get(DELETE_KEY);
        if (flag == null) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new ConfigException(sourceName, path + "." + DELETE_KEY, "must be true or false, got " + flag);
        }
        return flag.booleanValue();
    }

    private static void recordOrigins(JsonNode node, String path, String sourceName, Map<String, String> sourceOrigins,
                                      Map<String, String> origins) {
        origins.put(path, originOf(path, sourceName, sourceOrigins));
        if (node.isObject()) {
            node.fields().forEachRemaining(f ->
                    recordOrigins(f.getValue(), path + "." + f.getKey(), sourceName, sourceOrigins, origins));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                recordOrigins(node.get(i), path + "[" + i + "]", sourceName, sourceOrigins, origins);
            }
        }
    }

    private static void forgetOrigins(Map<String, String> origins, String path) {
        origins.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
    }

    private void applyOverride(ObjectNode root, Map<String, String> origins, String override) {
        String source = "--set " + override;
        int equals = override.indexOf('=');
        if (equals <= 0) {
            throw new ConfigException(source, "", "expected key.path=value");
        }
        String keyPath = override.substring(0, equals).trim();
        List<String> steps = keySteps(keyPath, source);
        JsonNode value = parseValue(override.substring(equals + 1), source, keyPath);
        JsonNode container = root;
        String walked = "";
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (container.isArray()) {
                ArrayNode list = (ArrayNode) container;
                int index = listIndex(step, walked, list, source, keyPath);
                walked = walked + "[" + index + "]";
                if (last) {
                    list.set(index, value);
                } else {
                    container = list.get(index);
                }
                continue;
            }
            if (!container.isObject() || step.startsWith("[")) {
                throw new ConfigException(source, keyPath, (step.startsWith("[") ? walked + " is a " + kindOf(container)
                        + ", not a list, so " + step + " names nothing"
                        : "cannot set a key inside " + walked + ", which is a " + kindOf(container)));
            }
            ObjectNode mapping = (ObjectNode) container;
            walked = walked.isEmpty() ? step : walked + "." + step;
            if (last) {
                mapping.set(step, value);
            } else {
                JsonNode child = mapping.get(step);
                container = child == null || child.isNull() ? mapping.putObject(step) : child;
            }
        }
        forgetOrigins(origins, walked);
        recordOrigins(value, walked, source, null, origins);
    }

    /**
     * {@code data.pipeline[0].cropSize} or, as MMAction2's {@code --cfg-options}, {@code data.pipeline.0.cropSize}:
     * keys and list indices ({@code [i]}; a bare number is an index where the config holds a list).
     */
    private static List<String> keySteps(String keyPath, String source) {
        List<String> steps = new ArrayList<>();
        for (String part : keyPath.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (key.isEmpty()) {
                throw new ConfigException(source, keyPath, "empty key in key path");
            }
            steps.add(key);
            String rest = bracket < 0 ? "" : part.substring(bracket);
            while (!rest.isEmpty()) {
                int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 2 || !rest.substring(1, close).chars().allMatch(Character::isDigit)) {
                    throw new ConfigException(source, keyPath, "'" + part + "': a list index is a whole number in "
                            + "brackets, as in pipeline[0]");
                }
                steps.add(rest.substring(0, close + 1));
                rest = rest.substring(close + 1);
            }
        }
        return steps;
    }

    private static int listIndex(String step, String walked, ArrayNode list, String source, String keyPath) {
        String digits = step.startsWith("[") ? step.substring(1, step.length() - 1) : step;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new ConfigException(source, keyPath, walked + " is a list: '" + step + "' is not an index into it");
        }
        int index;
        try {
            index = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            index = Integer.MAX_VALUE;
        }
        if (index >= list.size()) {
            throw new ConfigException(source, keyPath, walked + " has " + list.size() + " item(s), so index " + digits
                    + " is outside it");
        }
        return index;
    }

    private JsonNode parseValue(String text, String source, String keyPath) {
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = yaml.readTree(text);
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, keyPath, "value is not valid YAML: " + JsonMessages.problem(e), e);
        }
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static String kindOf(JsonNode node) {
        if (node instanceof ArrayNode) {
            return "list";
        }
        if (node.isObject()) {
            return "mapping";
        }
        if (node.isNumber()) {
            return "number (" + node + ")";
        }
        if (node.isBoolean()) {
            return "boolean (" + node + ")";
        }
        if (node.isNull()) {
            return "null";
        }
        return "string (" + node + ")";
    }
}
