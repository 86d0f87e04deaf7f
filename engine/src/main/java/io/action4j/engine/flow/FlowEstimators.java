package io.action4j.engine.flow;

import io.action4j.api.ComponentKind;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigException;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import java.nio.file.Path;
import java.util.List;

/**
 * Which flow estimator to run, as a user names it: a registered one by name with its defaults, or a config file
 * whose {@code flow} key selects one and sets its parameters ({@code flow: {type: dis, preset: medium}}), bound as
 * strictly as any config (an unknown key or a bad value names itself and the file), {@code --set flow.k=v} on top.
 */
public final class FlowEstimators {

    /** The estimator when none is named. */
    public static final String DEFAULT = "farneback";

    /** What a flow config file is bound to. */
    record FlowChoice(@ComponentOf(ComponentKind.FLOW_ESTIMATOR) ComponentSpec flow) {
    }

    private FlowEstimators() {
    }

    /** The estimator registered as {@code name}, its defaults overridden by {@code overrides} ({@code flow.k=v}). */
    public static ComponentSpec named(ConfigLoader loader, ConfigBinder binder, String name, List<String> overrides) {
        ConfigTree tree = loader.parse("flow:\n  type: " + name + "\n", "--method " + name);
        return bind(binder, loader.applyOverrides(tree, overrides));
    }

    /** The estimator a config file's {@code flow} key selects, with {@code overrides} ({@code flow.k=v}). */
    public static ComponentSpec fromFile(ConfigLoader loader, ConfigBinder binder, Path file, List<String> overrides) {
        return bind(binder, loader.load(file, overrides));
    }

    private static ComponentSpec bind(ConfigBinder binder, ConfigTree tree) {
        FlowChoice choice = binder.bind(tree, FlowChoice.class);
        if (choice.flow() == null) {
            throw new ConfigException(tree.mainSource(), "flow", "missing: name the flow estimator, e.g. "
                    + "flow: {type: farneback}");
        }
        return choice.flow();
    }
}
