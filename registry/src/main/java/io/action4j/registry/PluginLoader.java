package io.action4j.registry;

import io.action4j.api.ComponentFactory;
import io.action4j.api.ComponentKind;
import io.action4j.api.VideoPlugin;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a {@link PluginRegistry}: plugins on the host class path first, then every plugin in the
 * plugins directories. In a plugins directory each {@code *.jar} is one plugin and each
 * sub-folder is one plugin made of all the JARs inside it; each gets its own class loader.
 * A plugin that fails to load is reported in {@link PluginRegistry#problems()} and the others
 * still load.
 */
public final class PluginLoader {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]*");

    private final ClassLoader host;
    private final List<Path> pluginDirectories;
    private final List<RegisteredComponent> components = new ArrayList<>();
    private final List<LoadedPlugin> plugins = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    private PluginLoader(ClassLoader host, List<Path> pluginDirectories) {
        this.host = host;
        this.pluginDirectories = List.copyOf(pluginDirectories);
    }

    /**
     * @param host the class loader whose class path is searched, and which provides the shared API
     * @param pluginDirectories folders of plugin JARs; a missing folder is reported as a problem
     */
    public static PluginRegistry load(ClassLoader host, List<Path> pluginDirectories) {
        PluginLoader loader = new PluginLoader(host, pluginDirectories);
        loader.loadFrom(host, true, null);
        for (Path directory : pluginDirectories) {
            loader.loadDirectory(directory);
        }
        return new PluginRegistry(loader.components, loader.plugins, loader.problems, pluginDirectories);
    }

    private void loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            problems.add(new PluginProblem(directory.toString(), "plugins directory does not exist"));
            return;
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(directory.toString(), "cannot list plugins directory: " + e));
            return;
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                loadPluginFolder(entry);
            } else if (entry.getFileName().toString().endsWith(".jar")) {
                loadPluginJars(entry, List.of(entry));
            }
        }
    }

    private void loadPluginFolder(Path folder) {
        List<Path> jars;
        try (Stream<Path> listing = Files.list(folder)) {
            jars = listing.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(folder.toString(), "cannot list plugin folder: " + e));
            return;
        }
        if (jars.isEmpty()) {
            problems.add(new PluginProblem(folder.toString(), "plugin folder holds no JAR"));
            return;
        }
        loadPluginJars(folder, jars);
    }

    private void loadPluginJars(Path plugin, List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            try (JarFile ignored = new JarFile(jar.toFile())) {
                urls[i] = jar.toUri().toURL();
            } catch (IOException e) {
                problems.add(new PluginProblem(jar.toString(), "not a readable JAR (" + e.getMessage() + ")"));
                return;
            }
        }
        PluginClassLoader loader = new PluginClassLoader("plugin " + plugin.getFileName(), urls, host);
        int found = loadFrom(loader, false, plugin);
        if (found == 0) {
            problems.add(new PluginProblem(PluginOrigin.ofPath(plugin).describe(), "no plugin provider found: the JAR needs "
                    + "META-INF/services/" + VideoPlugin.class.getName() + " naming a class that implements it"));
        }
    }

    /** Loads the providers visible to {@code loader}; returns how many providers were listed. */
    private int loadFrom(ClassLoader loader, boolean classPath, Path pluginPath) {
        String where = pluginPath == null ? "class path" : PluginOrigin.ofPath(pluginPath).describe();
        int listed = 0;
        Iterator<ServiceLoader.Provider<VideoPlugin>> providers =
                ServiceLoader.load(VideoPlugin.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<VideoPlugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                listed++;
                problems.add(new PluginProblem(where, "cannot load plugin provider: " + rootMessage(e)));
                continue;
            }
            listed++;
            Class<? extends VideoPlugin> type = provider.type();
            PluginOrigin origin = classPath ? PluginOrigin.ofClass(type, true) : PluginOrigin.ofPath(pluginPath);
            try {
                register(provider.get(), origin);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(origin.describe(),
                        "plugin " + type.getName() + " failed to start: " + rootMessage(e)));
            }
        }
        return listed;
    }

    private void register(VideoPlugin plugin, PluginOrigin origin) {
        String pluginClass = plugin.getClass().getName();
        String version;
        try {
            version = plugin.apiVersion();
        } catch (AbstractMethodError e) {
            version = null;
        }
        if (!ApiVersions.compatible(version, ApiVersions.host())) {
            problems.add(new PluginProblem(origin.describe(), "plugin " + pluginClass + " was built against action4j API "
                    + (version == null ? "(unknown)" : version) + ", but this host provides API "
                    + ApiVersions.host() + "; rebuild it against action4j-api " + ApiVersions.host()));
            return;
        }
        List<RegisteredComponent> accepted = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            List<? extends ComponentFactory<?, ?>> factories;
            try {
                factories = kind.factoriesOf(plugin);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(origin.describe(), "plugin " + pluginClass + " failed to list its "
                        + kind.label() + "s: " + rootMessage(e)));
                continue;
            }
            for (ComponentFactory<?, ?> factory : factories) {
                String problem = checkFactory(factory);
                if (problem != null) {
                    problems.add(new PluginProblem(origin.describe(), "plugin " + pluginClass + ": " + problem));
                } else {
                    accepted.add(new RegisteredComponent(kind, factory, origin, pluginClass));
                }
            }
        }
        components.addAll(accepted);
        plugins.add(new LoadedPlugin(pluginClass, version, origin));
    }

    /** Returns what is wrong with a factory, or null when it is usable. */
    private static String checkFactory(ComponentFactory<?, ?> factory) {
        if (factory == null) {
            return "lists a null factory";
        }
        String type = factory.getClass().getName();
        try {
            String name = factory.name();
            if (name == null || !NAME.matcher(name).matches()) {
                return "factory " + type + " has an invalid name '" + name + "' (names match " + NAME.pattern() + ")";
            }
            Class<?> configType = factory.configType();
            if (configType == null || !configType.isRecord()) {
                return "factory '" + name + "' (" + type + ") must declare a record as its config type, got " + configType;
            }
            Object defaults = factory.defaultConfig();
            if (!configType.isInstance(defaults)) {
                return "factory '" + name + "' (" + type + ") returns a default config that is not a " + configType.getName();
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "factory " + type + " failed: " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error.getMessage() + " (caused by " + root + ")";
    }
}
