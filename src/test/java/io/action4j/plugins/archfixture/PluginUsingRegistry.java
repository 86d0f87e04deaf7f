package io.action4j.plugins.archfixture;

/** Deliberate violations for ArchitectureRulesTest: a plugin using the registry, and another plugin. */
public final class PluginUsingRegistry {
    public io.action4j.registry.PluginRegistry registry;
    public io.action4j.plugins.video.VideoReadersPlugin otherPlugin;
}
