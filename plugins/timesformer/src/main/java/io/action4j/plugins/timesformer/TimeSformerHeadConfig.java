package io.action4j.plugins.timesformer;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * MMAction2's TimeSformerHead: one linear classifier on the backbone's cls feature. Its input
 * width is taken from the backbone's declared output.
 *
 * @param numClasses classes to score
 * @param initStd standard deviation of the classifier's initial weights
 * @param dropoutRatio dropout before the classifier in training; no effect at inference
 */
public record TimeSformerHeadConfig(int numClasses, double initStd, double dropoutRatio) {

    public static final TimeSformerHeadConfig DEFAULTS = new TimeSformerHeadConfig(400, 0.02, 0.0);

    public TimeSformerHeadConfig {
        ConfigChecks.positive("numClasses", numClasses);
        ConfigChecks.inRange("initStd", initStd, 0, 10);
        if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
            throw new ConfigValueException("dropoutRatio", "must be in [0, 1), got " + dropoutRatio);
        }
    }
}
