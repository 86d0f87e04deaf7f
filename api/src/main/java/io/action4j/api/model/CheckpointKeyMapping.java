package io.action4j.api.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How another framework's checkpoints name and lay out the tensors of a component, declared by the
 * component itself ({@link io.action4j.api.ComponentFactory#checkpointKeyMappings()}): an ordered table
 * of rules from a checkpoint key to a graph variable name (the first rule that matches the whole key
 * wins), the layout of the values, and the keys that identify such a checkpoint, so that a loader
 * asked to detect the mapping ({@code --key-mapping auto}) can choose it.
 *
 * @param name how users select it ({@code --key-mapping torchvision_r2plus1d}): lower case
 * @param layout the layout the source stores its values in
 * @param rules checkpoint key to graph name ({@code backbone/layer1.0.conv1.conv.weight}, the component's
 *        scope first)
 * @param recognisedBy keys every checkpoint of this kind has; a checkpoint with all of them is detected as
 *        this kind (the mapping with the most such keys wins); empty: never detected, only selected by name
 */
public record CheckpointKeyMapping(String name, Layout layout, List<Rule> rules, List<String> recognisedBy) {

    /** The layout a source stores its values in. */
    public enum Layout {
        /** PyTorch's: conv weights {@code [out, in, k...]}, linear weights {@code [out, in]}. */
        TORCH,
        /** The graph's own (action4j's checkpoints): values are loaded as they are. */
        GRAPH
    }

    /** {@code regex} must match the whole key; {@code replacement} may refer to its groups ({@code $1}). */
    public record Rule(Pattern pattern, String replacement) {

        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(replacement, "replacement");
        }

        public static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex), replacement);
        }
    }

    public CheckpointKeyMapping {
        if (name == null || !name.matches("[a-z][a-z0-9_.]*")) {
            throw new IllegalArgumentException("a key mapping's name must match [a-z][a-z0-9_.]*, got '" + name + "'");
        }
        Objects.requireNonNull(layout, "layout");
        rules = List.copyOf(rules);
        recognisedBy = List.copyOf(recognisedBy);
    }

    /** The graph variable {@code key} maps to, or empty when no rule matches. */
    public Optional<String> toGraphName(String key) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(key);
            if (matcher.matches()) {
                return Optional.of(matcher.replaceFirst(rule.replacement()));
            }
        }
        return Optional.empty();
    }

    /** Whether a checkpoint with these keys is of this kind: it has every one of {@link #recognisedBy}. */
    public boolean recognises(Collection<String> keys) {
        return !recognisedBy.isEmpty() && keys.containsAll(recognisedBy);
    }

    /** This mapping with {@code extra} rules tried before its own. */
    public CheckpointKeyMapping withRules(List<Rule> extra) {
        List<Rule> combined = new ArrayList<>(extra);
        combined.addAll(rules);
        return new CheckpointKeyMapping(name, layout, combined, recognisedBy);
    }

    @Override
    public String toString() {
        return name + " (" + layout + " layout, " + rules.size() + " rules)";
    }
}
