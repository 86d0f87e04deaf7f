package io.action4j.plugins.heads;

import io.action4j.api.ConfigChecks;

/**
 * MMAction2's I3DHead: global average pooling over time and space, then one linear classifier.
 * Its input width is taken from the backbone's declared output.
 *
 * @param numClasses classes to score
 * @param initStd standard deviation of the classifier's initial weights
 * @param dropoutRatio dropout before the classifier while training (MMAction2's default 0.5); the
 *     identity at inference
 */
public record I3dHeadConfig(int numClasses, double initStd, double dropoutRatio) {

    public static final I3dHeadConfig DEFAULTS = new I3dHeadConfig(400, 0.01, 0.5);

    public I3dHeadConfig {
        ConfigChecks.positive("numClasses", numClasses);
        ConfigChecks.inRange("initStd", initStd, 0, 10);
        ConfigChecks.inRange("dropoutRatio", dropoutRatio, 0, 1);
    }
}
