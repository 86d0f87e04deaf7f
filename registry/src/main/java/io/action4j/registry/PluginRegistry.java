package io.action4j.registry;

import io.action4j.api.ComponentKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The components every loaded plugin contributes, by kind and name. Immutable; build it with
 * {@link PluginLoader}. Names are looked up case-insensitively. A name registered twice for one
 * kind stays listed but cannot be looked up: the lookup fails naming both sources, so the first
 * JAR on the class path never wins silently.
 */
public final class PluginRegistry {

    private final Map<ComponentKind, Map<String, List<RegisteredComponent>>> components;
    private final List<LoadedPlugin> plugins;
    private final List<PluginProblem> problems;
    private final List<Path> pluginDirectories;

    PluginRegistry(List<RegisteredComponent> registered, List<LoadedPlugin> plugins, List<PluginProblem> problems,
                   List<Path> pluginDirectories) {
        Map<ComponentKind, Map<String, List<RegisteredComponent>>> byKind = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        registered.stream()
                .sorted(Comparator.comparing(RegisteredComponent::name))
                .forEach(c -> byKind.get(c.kind()).computeIfAbsent(key(c.name()), k -> new ArrayList<>()).add(c));
        List<PluginProblem> allProblems = new ArrayList<>(problems);
        byKind.forEach((kind, byName) -> byName.forEach((name, list) -> {
            if (list.size() > 1) {
                allProblems.add(new PluginProblem(list.get(1).origin().describe(), duplicateMessage(kind, list)));
            }
        }));
        Map<ComponentKind, Map<String, List<RegisteredComponent>>> frozen = new EnumMap<>(ComponentKind.class);
        byKind.forEach((kind, byName) -> frozen.put(kind, byName.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())))));
        this.components = frozen;
        this.plugins = List.copyOf(plugins);
        this.problems = List.copyOf(allProblems);
        this.pluginDirectories = List.copyOf(pluginDirectories);
    }

    /**
     * The component of {@code kind} called {@code name}.
     *
     * @throws UnknownComponentException listing the available names and where plugins are looked for
     * @throws DuplicateComponentException naming every JAR that registers the name
     */
    public RegisteredComponent find(ComponentKind kind, String name) {
        List<RegisteredComponent> matches = components.get(kind).get(key(name));
        if (matches == null) {
            throw new UnknownComponentException(unknownMessage(kind, name));
        }
        if (matches.size() > 1) {
            throw new DuplicateComponentException(duplicateMessage(kind, matches));
        }
        return matches.get(0);
    }

    /** Every component of {@code kind}, sorted by name; a duplicated name appears once per source. */
    public List<RegisteredComponent> components(ComponentKind kind) {
        return components.get(kind).values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(RegisteredComponent::name))
                .toList();
    }

    /** The names available for {@code kind}, sorted. */
    public List<String> names(ComponentKind kind) {
        return components(kind).stream().map(RegisteredComponent::name).distinct().toList();
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /** What went wrong while loading: bad JARs, version mismatches, providers that threw, duplicates. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** The plugins directories that were searched, in order. */
    public List<Path> pluginDirectories() {
        return pluginDirectories;
    }

    private String unknownMessage(ComponentKind kind, String name) {
        List<String> available = names(kind);
        String where = pluginDirectories.isEmpty()
                ? "the class path (no plugins directory is set: use --plugins-dir or ACTION4J_PLUGINS)"
                : "the class path and " + pluginDirectories.stream().map(Path::toString).collect(Collectors.joining(", "));
        return "unknown " + kind.label() + " '" + name + "'" + NearestName.hint(name, available) + ". Available "
                + kind.label() + "s: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available))
                + ". Plugins are loaded from " + where + "; add the JAR that provides '" + name + "' there.";
    }

    private static String duplicateMessage(ComponentKind kind, List<RegisteredComponent> matches) {
        return kind.label() + " '" + matches.get(0).name() + "' is registered more than once: "
                + matches.stream().map(c -> c.pluginClass() + " in " + c.origin().describe())
                        .collect(Collectors.joining(" and "))
                + ". Remove one of the JARs or rename the component.";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
