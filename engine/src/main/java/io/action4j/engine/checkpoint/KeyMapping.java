package io.action4j.engine.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one source names and lays out its tensors: an ordered table of rules from a checkpoint key to
 * a graph variable name (the first rule that matches the whole key wins) and the layout the values
 * are in. A new source, or a new layer of an existing one, is a new table or a few more rules
 * ({@link #withRules}); the loader does not change.
 */
public final class KeyMapping {

    /** The layout a source stores its values in. */
    public enum Layout {
        /** PyTorch's: conv weights {@code [out, in, k...]}, linear weights {@code [out, in]}. */
        TORCH,
        /** The graph's own (the framework's checkpoint): values are loaded as they are. */
        GRAPH
    }

    /** {@code pattern} must match the whole key; {@code replacement} may refer to its groups ({@code $1}). */
    public record Rule(Pattern pattern, String replacement) {
        public static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex), replacement);
        }
    }

    private static final String BLOCK = "^(layer\\d+\\.\\d+)\\.";
    private static final String PARAM = "\\.(\\w+)$";

    /**
     * MMAction2 / MMEngine: the module path before the first dot is the component scope,
     * {@code backbone.layer1.0.conv1.conv.weight} to {@code backbone/layer1.0.conv1.conv.weight};
     * DataParallel's {@code module.} prefix is dropped, as MMEngine's loader does.
     */
    public static final KeyMapping MMACTION2 = new KeyMapping("mmaction2", Layout.TORCH, List.of(
            Rule.of("^(?:module\\.)?([^./]+)\\.(.+)$", "$1/$2")));

    /** torchvision's {@code r3d_18} and {@code mc3_18} ({@code VideoResNet} with {@code BasicStem}). */
    public static final KeyMapping TORCHVISION_VIDEO_RESNET = new KeyMapping("torchvision_video_resnet", Layout.TORCH,
            List.of(
                    Rule.of("^stem\\.0\\.weight$", "backbone/conv1.conv.weight"),
                    Rule.of("^stem\\.1" + PARAM, "backbone/conv1.bn.$1"),
                    Rule.of(BLOCK + "(conv\\d+)\\.0" + PARAM, "backbone/$1.$2.conv.$3"),
                    Rule.of(BLOCK + "(conv\\d+)\\.1" + PARAM, "backbone/$1.$2.bn.$3"),
                    Rule.of(BLOCK + "downsample\\.0" + PARAM, "backbone/$1.downsample.conv.$2"),
                    Rule.of(BLOCK + "downsample\\.1" + PARAM, "backbone/$1.downsample.bn.$2"),
                    Rule.of("^fc" + PARAM, "cls_head/fc_cls.$1")));

    /**
     * torchvision's {@code r2plus1d_18}: the stem and each {@code Conv2Plus1D} are a spatial conv,
     * batch norm, ReLU and temporal conv ({@code stem.0/1/3/4}, {@code convK.0.0/0.1/0.3} then the
     * block's batch norm {@code convK.1}), named {@code conv_s / bn_s / conv_t / bn} in the graph.
     */
    public static final KeyMapping TORCHVISION_R2PLUS1D = new KeyMapping("torchvision_r2plus1d", Layout.TORCH, List.of(
            Rule.of("^stem\\.0\\.weight$", "backbone/conv1.conv_s.weight"),
            Rule.of("^stem\\.1" + PARAM, "backbone/conv1.bn_s.$1"),
            Rule.of("^stem\\.3\\.weight$", "backbone/conv1.conv_t.weight"),
            Rule.of("^stem\\.4" + PARAM, "backbone/conv1.bn.$1"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.0" + PARAM, "backbone/$1.$2.conv_s.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.1" + PARAM, "backbone/$1.$2.bn_s.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.0\\.3" + PARAM, "backbone/$1.$2.conv_t.$3"),
            Rule.of(BLOCK + "(conv\\d+)\\.1" + PARAM, "backbone/$1.$2.bn.$3"),
            Rule.of(BLOCK + "downsample\\.0" + PARAM, "backbone/$1.downsample.conv.$2"),
            Rule.of(BLOCK + "downsample\\.1" + PARAM, "backbone/$1.downsample.bn.$2"),
            Rule.of("^fc" + PARAM, "cls_head/fc_cls.$1")));

    /**
     * torchvision's {@code s3d}: the graph keeps torchvision's module paths ({@code features.*} in the
     * backbone, {@code classifier.1} in the {@code s3d} head), so only the scope is added.
     */
    public static final KeyMapping TORCHVISION_S3D = new KeyMapping("torchvision_s3d", Layout.TORCH, List.of(
            Rule.of("^(features\\..+)$", "backbone/$1"),
            Rule.of("^(classifier\\.1\\.(?:weight|bias))$", "cls_head/$1")));

    /** The framework's own checkpoint: graph names and graph layout. */
    public static final KeyMapping GRAPH = new KeyMapping("graph", Layout.GRAPH, List.of(Rule.of("^(.+)$", "$1")));

    private static final List<KeyMapping> BUILT_IN =
            List.of(MMACTION2, TORCHVISION_VIDEO_RESNET, TORCHVISION_R2PLUS1D, TORCHVISION_S3D, GRAPH);

    private final String name;
    private final Layout layout;
    private final List<Rule> rules;

    public KeyMapping(String name, Layout layout, List<Rule> rules) {
        this.name = name;
        this.layout = layout;
        this.rules = List.copyOf(rules);
    }

    /** A built-in mapping by name, case-insensitive; an unknown name lists the known ones. */
    public static KeyMapping named(String name) {
        for (KeyMapping mapping : BUILT_IN) {
            if (mapping.name.equalsIgnoreCase(name)) {
                return mapping;
            }
        }
        throw new IllegalArgumentException("unknown key mapping '" + name + "'; known: " + builtInNames());
    }

    /**
     * The built-in mapping a checkpoint's keys call for: graph names ({@code backbone/...}, this
     * framework's own files), torchvision's video ResNets ({@code stem.0.weight}; R(2+1)D when the
     * stem has its temporal convolution {@code stem.3}), torchvision's S3D ({@code features.0.0.0.weight}),
     * else MMAction2's ({@code backbone.}, {@code cls_head.}).
     */
    public static KeyMapping detect(java.util.Collection<String> keys) {
        if (keys.stream().anyMatch(key -> key.contains("/"))) {
            return GRAPH;
        }
        if (keys.contains("features.0.0.0.weight")) {
            return TORCHVISION_S3D;
        }
        if (keys.contains("stem.0.weight")) {
            return keys.contains("stem.3.weight") ? TORCHVISION_R2PLUS1D : TORCHVISION_VIDEO_RESNET;
        }
        return MMACTION2;
    }

    public static List<String> builtInNames() {
        return BUILT_IN.stream().map(KeyMapping::name).toList();
    }

    public String name() {
        return name;
    }

    public Layout layout() {
        return layout;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** This mapping with {@code extra} rules tried before its own. */
    public KeyMapping withRules(List<Rule> extra) {
        List<Rule> combined = new ArrayList<>(extra);
        combined.addAll(rules);
        return new KeyMapping(name, layout, combined);
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

    @Override
    public String toString() {
        return name + " (" + layout + " layout, " + rules.size() + " rules)";
    }
}
