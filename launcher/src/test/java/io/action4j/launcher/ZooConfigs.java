package io.action4j.launcher;

import io.action4j.endtoend.Launcher;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/** The model section of a committed config under {@code configs/recognition}, bound as the launcher binds it. */
final class ZooConfigs {

    private static final PluginRegistry REGISTRY = PluginLoader.load(ZooConfigs.class.getClassLoader(), List.of());

    private ZooConfigs() {
    }

    /**
     * @param config the path under {@code configs/recognition}, e.g. {@code resnet3d/r3d-18_kinetics400.yaml}
     * @param overrides {@code key.path=value} as {@code --set} takes them
     */
    static ModelConfig model(String config, List<String> overrides) {
        Path file = Launcher.repository().resolve("configs/recognition").resolve(config);
        return new ConfigBinder(REGISTRY).bind(new ConfigLoader().load(file, overrides), ExperimentConfig.class).model();
    }
}
