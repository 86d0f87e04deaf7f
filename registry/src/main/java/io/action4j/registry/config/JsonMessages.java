package io.action4j.registry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse and type errors in words for a user: where (line and column) and what, without the
 * parser's echo of its input source, Java type names or advice about Jackson's own settings (which a
 * user cannot change). Every reader of JSON or YAML that a user writes reports through this.
 */
public final class JsonMessages {

    /** "(for Object starting at [Source: ...; line: 1, column: 1])": the parser's own bookkeeping. */
    private static final Pattern STARTING_AT = Pattern.compile("\\s*\\(for \\w+ starting at \\[Source: .*?; line: \\d+, "
            + "column: \\d+\\]\\)", Pattern.DOTALL);
    /** "(start marker at [Source: ...; line: 1, column: 1])", after an unclosed object or list: the same. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source: .*?; line: \\d+, "
            + "column: \\d+\\]\\)", Pattern.DOTALL);
    private static final Pattern SOURCE_TAIL = Pattern.compile("\\s*at \\[Source: .*", Pattern.DOTALL);
    private static final Pattern COERCE = Pattern.compile(
            "Cannot coerce (.+?)(?: value)? \\((.*?)\\) to `([\\w.$\\[\\]]+)`.*", Pattern.DOTALL);
    private static final Pattern DESERIALIZE = Pattern.compile(
            "Cannot deserialize value of type `([\\w.$\\[\\]<>, ]+)` from (\\w+)(?: value\\b)? ?(.*?)(?::.*)?", Pattern.DOTALL);
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '(\\w+)'.*", Pattern.DOTALL);
    /** Jackson's advice to enable one of its own features, which a user of action4j cannot do. */
    private static final Pattern FEATURE_ADVICE = Pattern.compile("[:;,]?\\s*(?:\\(|)(?:enable|use) `?\\w+Feature\\.\\w+`?[^)]*?"
            + "(?:to allow|\\))", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    /** SnakeYAML names its parser events by class: {@code <org.yaml.snakeyaml.events.MappingStartEvent(...)>}. */
    private static final Pattern YAML_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\b[^>]*>");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.\\w+`\\)");
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("`(?:[a-z]\\w*\\.)+([A-Z][\\w$]*)`");

    private JsonMessages() {
    }

    /** "line L, column C: what" (the location only when the parser knows it). */
    public static String describe(JsonProcessingException error) {
        JsonLocation location = error.getLocation();
        String problem = problem(error);
        if (location == null || location.getLineNr() < 1) {
            return problem;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + problem;
    }

    /** What went wrong, without the location. */
    public static String problem(JsonProcessingException error) {
        String message = error.getOriginalMessage();
        return message == null ? "not valid JSON" : clean(message);
    }

    static String clean(String message) {
        String text = STARTING_AT.matcher(message).replaceAll("");
        text = SOURCE_TAIL.matcher(START_MARKER.matcher(text).replaceAll("")).replaceAll("");
        text = TOKEN.matcher(text).replaceAll("").strip();
        Matcher nonNumeric = NON_NUMERIC.matcher(text);
        if (nonNumeric.matches()) {
            return "'" + nonNumeric.group(1) + "' is not a number in JSON; write a finite number";
        }
        Matcher coerce = COERCE.matcher(text);
        if (coerce.matches()) {
            return "expected " + kind(coerce.group(3)) + ", got " + coerce.group(1).toLowerCase(Locale.ROOT) + " "
                    + coerce.group(2);
        }
        Matcher deserialize = DESERIALIZE.matcher(text);
        if (deserialize.matches()) {
            String value = deserialize.group(3).strip();
            return "expected " + kind(deserialize.group(1)) + ", got " + deserialize.group(2).toLowerCase(Locale.ROOT)
                    + (value.isEmpty() ? "" : " " + value);
        }
        text = CODE.matcher(text).replaceAll("");
        text = FEATURE_ADVICE.matcher(text).replaceAll("");
        text = YAML_EVENT.matcher(text).replaceAll(event -> switch (event.group(1)) {
            case "MappingStart" -> "a mapping";
            case "SequenceStart" -> "a list";
            case "MappingEnd", "SequenceEnd" -> "the end of a block";
            case "Scalar" -> "a value";
            case "Alias" -> "an alias";
            default -> "the end of the document";
        });
        return QUALIFIED_TYPE.matcher(text).replaceAll("`$1`");
    }

    /** A Java type as a user knows the value: "a whole number", "a number", "a list". */
    private static String kind(String javaType) {
        String type = javaType.substring(javaType.lastIndexOf('.') + 1);
        return switch (type) {
            case "int", "Integer", "long", "Long", "short", "Short", "byte", "Byte", "BigInteger" -> "a whole number";
            case "float", "Float", "double", "Double", "BigDecimal", "Number" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String", "char", "Character" -> "text";
            default -> type.endsWith("[]") || type.startsWith("List") || type.startsWith("ArrayList") ? "a list"
                    : type.startsWith("Map") || type.startsWith("LinkedHashMap") ? "a mapping" : "a " + type;
        };
    }
}
