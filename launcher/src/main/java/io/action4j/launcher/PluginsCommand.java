package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.ComponentKind;
import io.action4j.registry.LoadedPlugin;
import io.action4j.registry.PluginProblem;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.RegisteredComponent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j plugins}: every component by kind, name and source, and every loading problem. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists every component by kind and name with the JAR it comes from, the loaded plugins, "
                + "and any problems found while loading them.",
                "Exits with 1 when there are problems (a bad JAR, an API version mismatch, a clashing name)."})
final class PluginsCommand implements Callable<Integer> {

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
        } else {
            printText(out);
        }
        out.flush();
        return registry.problems().isEmpty() ? 0 : 1;
    }

    private void printText(PrintWriter out) {
        out.printf("%-18s %-24s %s%n", "KIND", "NAME", "SOURCE");
        for (ComponentKind kind : ComponentKind.values()) {
            for (RegisteredComponent component : registry.components(kind)) {
                out.printf("%-18s %-24s %s%n", kind.label(), component.name(), component.origin().describe());
            }
        }
        out.println();
        out.println("Plugins (" + registry.plugins().size() + "):");
        for (LoadedPlugin plugin : registry.plugins()) {
            out.println("  " + plugin.pluginClass() + "  API " + plugin.apiVersion() + "  " + plugin.origin().describe());
        }
        out.println("Plugin directories: " + (registry.pluginDirectories().isEmpty() ? "(none)" : registry.pluginDirectories()));
        List<PluginProblem> problems = registry.problems();
        out.println();
        out.println(problems.isEmpty() ? "No problems." : "Problems (" + problems.size() + "):");
        for (PluginProblem problem : problems) {
            out.println("  " + problem);
        }
    }

    private ObjectNode toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode components = root.putArray("components");
        for (ComponentKind kind : ComponentKind.values()) {
            for (RegisteredComponent component : registry.components(kind)) {
                components.addObject()
                        .put("kind", kind.label())
                        .put("name", component.name())
                        .put("source", component.origin().location())
                        .put("classPath", component.origin().fromClassPath())
                        .put("plugin", component.pluginClass())
                        .put("description", component.factory().description());
            }
        }
        ArrayNode plugins = root.putArray("plugins");
        registry.plugins().forEach(p -> plugins.addObject().put("class", p.pluginClass())
                .put("apiVersion", p.apiVersion()).put("source", p.origin().location()));
        ArrayNode problems = root.putArray("problems");
        registry.problems().forEach(p -> problems.addObject().put("location", p.location()).put("message", p.message()));
        return root;
    }
}
