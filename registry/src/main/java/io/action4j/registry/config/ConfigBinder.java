package io.action4j.registry.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.action4j.api.ComponentKind;
import io.action4j.api.ConfigValueException;
import io.action4j.registry.NearestName;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.RegisteredComponent;
import io.action4j.registry.RegistryException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a {@link ConfigTree} to typed records, strictly: an unknown key, a value of the wrong
 * type (no string-to-number or float-to-int coercion) or a value a record rejects is a
 * {@link ConfigException} naming the source file, the key path and the problem. A
 * {@link ComponentSpec} is bound by looking up its {@code type} in the registry and binding the
 * rest onto that component's config record, over its defaults.
 */
public final class ConfigBinder {

    private final ObjectMapper mapper;

    public ConfigBinder(PluginRegistry registry) {
        SimpleModule components = new SimpleModule("action4j-components");
        components.addDeserializer(ComponentSpec.class, new ComponentSpecDeserializer(registry, null));
        components.addSerializer(ComponentSpec.class, new ComponentSpecSerializer());
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(components)
                .build();
    }

    /** Binds the whole tree to {@code type} (usually {@link ExperimentConfig}). */
    public <T> T bind(ConfigTree tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree.root(), type);
        } catch (JsonMappingException e) {
            throw translate(e, tree);
        } catch (IOException e) {
            throw new ConfigException(tree.mainSource(), "", e.getMessage(), e);
        }
    }

    /** The bound config as a tree again, with every default filled in: the fully resolved config. */
    public JsonNode toTree(Object config) {
        return mapper.valueToTree(config);
    }

    public String toYaml(Object config) {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // Without it a string such as "4" or "1.0" is written bare and reads back as a number.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        try {
            return yaml.writeValueAsString(toTree(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(Object config) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigException translate(JsonMappingException e, ConfigTree tree) {
        String path = pathOf(e);
        String problem;
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            List<String> names = known == null ? List.of() : known.stream().map(Object::toString).toList();
            problem = "unknown key" + NearestName.hint(unknown.getPropertyName(), names)
                    + (names.isEmpty() ? "" : "; known keys here: " + new TreeSet<>(names));
        } else if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigValueException bad) {
            path = path.isEmpty() ? bad.key() : path + "." + bad.key();
            problem = bad.problem();
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            problem = e.getCause().getMessage();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "wrong type: " + JsonMessages.problem(e);
        } else {
            problem = JsonMessages.problem(e);
        }
        return new ConfigException(tree.sourceOf(path), path, problem, e);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Reads {@code {type: name, key: value, ...}} for the kind named by the field's {@link ComponentOf}. */
    private static final class ComponentSpecDeserializer extends JsonDeserializer<ComponentSpec>
            implements ContextualDeserializer {

        private final PluginRegistry registry;
        private final ComponentKind kind;

        ComponentSpecDeserializer(PluginRegistry registry, ComponentKind kind) {
            this.registry = registry;
            this.kind = kind;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ComponentOf of = property == null ? null : property.getAnnotation(ComponentOf.class);
            if (of == null && property != null) {
                of = property.getContextAnnotation(ComponentOf.class);
            }
            return of == null ? this : new ComponentSpecDeserializer(registry, of.value());
        }

        @Override
        public ComponentSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (kind == null) {
                throw JsonMappingException.from(parser, "internal: a component field lacks @ComponentOf");
            }
            JsonNode node = context.readTree(parser);
            if (!node.isObject()) {
                throw JsonMappingException.from(parser, "expected a mapping with 'type' naming a " + kind.label()
                        + ", got " + ConfigLoader.kindOf(node));
            }
            JsonNode typeNode = node.get("type");
            if (typeNode == null || !typeNode.isTextual()) {
                throw at(JsonMappingException.from(parser, "a " + kind.label() + " needs 'type' naming it; available: "
                        + registry.names(kind)), "type");
            }
            RegisteredComponent component;
            try {
                component = registry.find(kind, typeNode.asText());
            } catch (RegistryException e) {
                throw at(JsonMappingException.from(parser, e.getMessage()), "type");
            }
            ObjectNode merged = ((ObjectMapper) parser.getCodec()).valueToTree(component.factory().defaultConfig());
            ObjectNode settings = ((ObjectNode) node).deepCopy();
            settings.remove("type");
            overlay(merged, settings);
            Object config = context.readTreeAsValue(merged, component.factory().configType());
            return new ComponentSpec(component, (Record) config);
        }

        private static JsonMappingException at(JsonMappingException e, String field) {
            e.prependPath(new JsonMappingException.Reference(null, field));
            return e;
        }

        /** Settings over defaults: nested mappings merge, everything else replaces. */
        private static void overlay(ObjectNode target, ObjectNode settings) {
            Iterator<Map.Entry<String, JsonNode>> fields = settings.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode existing = target.get(field.getKey());
                if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode value) {
                    overlay(existingObject, value);
                } else {
                    target.set(field.getKey(), field.getValue());
                }
            }
        }
    }

    /** Writes a component back as {@code {type: name, ...its full config}}. */
    private static final class ComponentSpecSerializer extends StdSerializer<ComponentSpec> {

        ComponentSpecSerializer() {
            super(ComponentSpec.class);
        }

        @Override
        public void serialize(ComponentSpec spec, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            generator.writeStringField("type", spec.type());
            // The config record's own fields, written inside this object rather than nested.
            provider.findValueSerializer(spec.config().getClass())
                    .unwrappingSerializer(null)
                    .serialize(spec.config(), generator, provider);
            generator.writeEndObject();
        }
    }
}
