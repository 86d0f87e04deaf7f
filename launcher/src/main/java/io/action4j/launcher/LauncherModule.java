package io.action4j.launcher;

import com.google.inject.AbstractModule;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;

/** Binds what {@code main} built; no I/O and no decisions here. */
final class LauncherModule extends AbstractModule {

    private final PluginRegistry registry;

    LauncherModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(ConfigLoader.class).toInstance(new ConfigLoader());
        bind(ConfigBinder.class).toInstance(new ConfigBinder(registry));
    }
}
