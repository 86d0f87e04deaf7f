package io.action4j.registry;

/** A plugin that loaded: its root class, its API version and where it came from. */
public record LoadedPlugin(String pluginClass, String apiVersion, PluginOrigin origin) {
}
