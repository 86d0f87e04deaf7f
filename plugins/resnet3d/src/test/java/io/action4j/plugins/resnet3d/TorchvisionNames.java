package io.action4j.plugins.resnet3d;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's VideoResNet state-dict keys to this backbone's parameter names, for the parity
 * test: torchvision numbers the modules of its nn.Sequential units, MMAction2 names them.
 */
final class TorchvisionNames {

    private record Rule(Pattern torchvision, String graph) {
        static Rule of(String torchvision, String graph) {
            return new Rule(Pattern.compile(torchvision), graph);
        }
    }

    /** BasicStem: conv, bn, relu. */
    private static final List<Rule> BASIC_STEM = List.of(
            Rule.of("^stem\\.0\\.", "conv1.conv."),
            Rule.of("^stem\\.1\\.", "conv1.bn."));

    /** R2Plus1dStem: spatial conv, bn, relu, temporal conv, bn, relu. */
    private static final List<Rule> FACTORISED_STEM = List.of(
            Rule.of("^stem\\.0\\.", "conv1.conv_s."),
            Rule.of("^stem\\.1\\.", "conv1.bn_s."),
            Rule.of("^stem\\.3\\.", "conv1.conv_t."),
            Rule.of("^stem\\.4\\.", "conv1.bn."));

    /** Blocks: convK = Sequential(conv builder, bn[, relu]); Conv2Plus1D = Sequential(conv, bn, relu, conv). */
    private static final List<Rule> BLOCKS = List.of(
            Rule.of("\\.(conv\\d)\\.0\\.0\\.", ".$1.conv_s."),
            Rule.of("\\.(conv\\d)\\.0\\.1\\.", ".$1.bn_s."),
            Rule.of("\\.(conv\\d)\\.0\\.3\\.", ".$1.conv_t."),
            Rule.of("\\.(conv\\d)\\.0\\.", ".$1.conv."),
            Rule.of("\\.(conv\\d)\\.1\\.", ".$1.bn."),
            Rule.of("\\.downsample\\.0\\.", ".downsample.conv."),
            Rule.of("\\.downsample\\.1\\.", ".downsample.bn."));

    private TorchvisionNames() {
    }

    /** E.g. {@code layer2.0.conv1.0.3.weight} to {@code layer2.0.conv1.conv_t.weight}. */
    static String graphName(String torchvisionKey, boolean factorisedStem) {
        List<Rule> rules = torchvisionKey.startsWith("stem.") ? (factorisedStem ? FACTORISED_STEM : BASIC_STEM) : BLOCKS;
        for (Rule rule : rules) {
            Matcher matcher = rule.torchvision().matcher(torchvisionKey);
            if (matcher.find()) {
                return matcher.replaceFirst(rule.graph());
            }
        }
        throw new IllegalArgumentException("no graph name for torchvision key " + torchvisionKey);
    }
}
