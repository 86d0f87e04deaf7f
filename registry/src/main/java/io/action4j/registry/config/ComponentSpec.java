package io.action4j.registry.config;

import io.action4j.api.ComponentFactory;
import io.action4j.api.ComponentKind;
import io.action4j.registry.RegisteredComponent;

/**
 * A component chosen by a config's {@code type} key, with its typed config bound (defaults
 * filled in, values checked).
 */
public record ComponentSpec(RegisteredComponent component, Record config) {

    public ComponentSpec {
        if (!component.factory().configType().isInstance(config)) {
            throw new IllegalArgumentException("config " + config.getClass().getName() + " does not fit "
                    + component.kind().label() + " '" + component.name() + "'");
        }
    }

    /** The component with its default config, e.g. {@code ComponentSpec.defaults(registry.find(VIDEO_READER, "ffmpeg"))}. */
    public static ComponentSpec defaults(RegisteredComponent component) {
        return new ComponentSpec(component, component.factory().defaultConfig());
    }

    public ComponentKind kind() {
        return component.kind();
    }

    /** The registered name, e.g. {@code resnet3d}. */
    public String type() {
        return component.name();
    }

    /** Creates the component; the caller knows its type from the kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(Class<T> expected) {
        Object created = ((ComponentFactory) component.factory()).create(config);
        if (!expected.isInstance(created)) {
            throw new IllegalStateException(component.kind().label() + " '" + type() + "' from "
                    + component.origin() + " created a " + (created == null ? "null" : created.getClass().getName())
                    + ", not a " + expected.getName());
        }
        return expected.cast(created);
    }
}
