package io.action4j.registry;

import io.action4j.api.ComponentFactory;
import io.action4j.api.ComponentKind;

/** A component factory together with its kind and the plugin it came from. */
public record RegisteredComponent(ComponentKind kind, ComponentFactory<?, ?> factory, PluginOrigin origin,
                                  String pluginClass) {

    public String name() {
        return factory.name();
    }
}
