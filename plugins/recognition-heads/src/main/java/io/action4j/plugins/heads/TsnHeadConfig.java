package io.action4j.plugins.heads;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * MMAction2's TSNHead: average pooling over each segment's space, the segments' consensus, then
 * one linear classifier {@code fc_cls}. Its input width is taken from the backbone's declared
 * output; the segments are the features' time axis (see the resnet2d backbone).
 *
 * @param numClasses classes to score
 * @param consensus how the segments are combined: {@code avg} (MMAction2's AvgConsensus)
 * @param dropoutRatio dropout before the classifier while training; the inference graph built
 *     here has none (dropout is the identity in eval mode), the key is kept so MMAction2 configs bind
 * @param initStd standard deviation of the classifier's initial weights
 */
public record TsnHeadConfig(int numClasses, String consensus, double dropoutRatio, double initStd) {

    static final List<String> CONSENSUS_TYPES = List.of("avg");

    public static final TsnHeadConfig DEFAULTS = new TsnHeadConfig(400, "avg", 0.4, 0.01);

    public TsnHeadConfig {
        ConfigChecks.positive("numClasses", numClasses);
        ConfigChecks.oneOf("consensus", ConfigChecks.required("consensus", consensus), CONSENSUS_TYPES);
        ConfigChecks.inRange("dropoutRatio", dropoutRatio, 0, 1);
        ConfigChecks.inRange("initStd", initStd, 0, 10);
    }
}
