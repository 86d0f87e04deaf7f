package io.action4j.engine.config;

import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A config file as the Java facades ({@code Recognizer.builder()}, {@code Localizer.builder()}) load
 * it: the plugins on the class path and in the given folders, the file with its {@code _base_} files
 * and overrides, bound strictly.
 *
 * @param binder the binder that bound it, e.g. for {@link ConfigBinder#toJson} of the resolved config
 */
public record LoadedExperiment(PluginRegistry registry, ConfigBinder binder, ExperimentConfig config) {

    /**
     * @throws io.action4j.registry.config.ConfigException naming the file and key of a bad config
     */
    public static LoadedExperiment load(Path file, List<String> overrides, ClassLoader classLoader,
                                        List<Path> pluginDirectories) {
        PluginRegistry registry = PluginLoader.load(classLoader, pluginDirectories);
        ConfigBinder binder = new ConfigBinder(registry);
        ExperimentConfig config = binder.bind(new ConfigLoader().load(file, overrides), ExperimentConfig.class);
        return new LoadedExperiment(registry, binder, config);
    }
}
