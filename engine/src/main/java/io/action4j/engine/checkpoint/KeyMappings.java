package io.action4j.engine.checkpoint;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key mappings a checkpoint can be read with: action4j's own ({@value #GRAPH_NAME}), MMAction2's
 * ({@value #MMACTION2_NAME}), and those a model's components declare (torchvision's, for the backbones that
 * build torchvision's architectures). {@link #detect} picks one from a checkpoint's keys.
 */
public final class KeyMappings {

    static final String MMACTION2_NAME = "mmaction2";
    static final String GRAPH_NAME = "graph";

    /**
     * MMAction2 / MMEngine: the module path before the first dot is the component scope,
     * {@code backbone.layer1.0.conv1.conv.weight} to {@code backbone/layer1.0.conv1.conv.weight};
     * DataParallel's {@code module.} prefix is dropped, as MMEngine's loader does.
     */
    public static final CheckpointKeyMapping MMACTION2 = new CheckpointKeyMapping(MMACTION2_NAME, Layout.TORCH,
            List.of(Rule.of("^(?:module\\.)?([^./]+)\\.(.+)$", "$1/$2")), List.of());

    /** action4j's own checkpoints: graph names and graph layout. */
    public static final CheckpointKeyMapping GRAPH = new CheckpointKeyMapping(GRAPH_NAME, Layout.GRAPH,
            List.of(Rule.of("^(.+)$", "$1")), List.of());

    private static final KeyMappings BUILT_IN = new KeyMappings(List.of());

    private final List<CheckpointKeyMapping> declared;

    private KeyMappings(List<CheckpointKeyMapping> declared) {
        this.declared = declared;
    }

    /** Only action4j's own and MMAction2's. */
    public static KeyMappings builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in mappings and {@code declared} ones (the same mapping declared twice counts once).
     *
     * @throws IllegalArgumentException when a declared mapping takes a built-in's name or two different ones
     *         share a name
     */
    public static KeyMappings of(Collection<CheckpointKeyMapping> declared) {
        Map<String, CheckpointKeyMapping> byName = new LinkedHashMap<>();
        for (CheckpointKeyMapping mapping : declared) {
            if (mapping.name().equals(MMACTION2_NAME) || mapping.name().equals(GRAPH_NAME)) {
                throw new IllegalArgumentException("key mapping '" + mapping.name() + "' is built in; a component "
                        + "cannot declare another under that name");
            }
            CheckpointKeyMapping earlier = byName.putIfAbsent(mapping.name(), mapping);
            if (earlier != null && earlier != mapping && !sameRules(earlier, mapping)) {
                throw new IllegalArgumentException("two components declare different key mappings named '"
                        + mapping.name() + "'");
            }
        }
        return new KeyMappings(List.copyOf(byName.values()));
    }

    /** A mapping by name, case-insensitive; an unknown name lists the known ones. */
    public CheckpointKeyMapping named(String name) {
        for (CheckpointKeyMapping mapping : all()) {
            if (mapping.name().equalsIgnoreCase(name)) {
                return mapping;
            }
        }
        throw new IllegalArgumentException("unknown key mapping '" + name + "'; known for this model: " + names());
    }

    /**
     * The mapping a checkpoint's keys call for: action4j's own when a key has a scope ({@code backbone/...}),
     * else the declared mapping that recognises the most of its keys ({@code stem.0.weight} and
     * {@code stem.3.weight} for torchvision's R(2+1)D), else MMAction2's ({@code backbone.}, {@code cls_head.}).
     */
    public CheckpointKeyMapping detect(Collection<String> keys) {
        if (keys.stream().anyMatch(key -> key.contains("/"))) {
            return GRAPH;
        }
        return declared.stream().filter(mapping -> mapping.recognises(keys))
                .max(Comparator.comparingInt(mapping -> mapping.recognisedBy().size()))
                .orElse(MMACTION2);
    }

    /** Every mapping's name: MMAction2's, the declared ones, action4j's own. */
    public List<String> names() {
        return all().stream().map(CheckpointKeyMapping::name).toList();
    }

    private List<CheckpointKeyMapping> all() {
        List<CheckpointKeyMapping> all = new ArrayList<>();
        all.add(MMACTION2);
        all.addAll(declared);
        all.add(GRAPH);
        return all;
    }

    private static boolean sameRules(CheckpointKeyMapping a, CheckpointKeyMapping b) {
        return a.layout() == b.layout() && a.recognisedBy().equals(b.recognisedBy())
                && a.rules().stream().map(rule -> rule.pattern().pattern() + " -> " + rule.replacement()).toList()
                .equals(b.rules().stream().map(rule -> rule.pattern().pattern() + " -> " + rule.replacement()).toList());
    }
}
