package io.action4j.plugins.s3d;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's S3D state-dict keys to graph names. The graph uses torchvision's module paths, so
 * the rules only put the component scope in front; written as the registry's KeyMapping rules
 * (first rule matching the whole key wins) so they can be copied there.
 */
final class TorchvisionKeys {

    private record Rule(Pattern pattern, String replacement) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^(features\\..+)$"), "backbone/$1"),
            new Rule(Pattern.compile("^(classifier\\.1\\.(?:weight|bias))$"), "cls_head/$1"));

    private TorchvisionKeys() {
    }

    static Optional<String> graphName(String torchvisionKey) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(torchvisionKey);
            if (matcher.matches()) {
                return Optional.of(matcher.replaceFirst(rule.replacement()));
            }
        }
        return Optional.empty();
    }
}
