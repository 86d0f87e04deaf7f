package io.action4j.spatiotemporal.head;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's AVA RoI head: {@code SingleRoIExtractor3D} (the clip's features averaged over time,
 * then RoIAlign) and {@code BBoxHeadAVA} (temporal and spatial pooling, dropout, a linear classifier,
 * multi-label), with the parameter names of its AVA configs (camel case).
 *
 * @param numClasses classes scored, the background class 0 included (81 for AVA v2.x)
 * @param roiOutputSize RoIAlign's output size (8 in MMAction2's AVA configs)
 * @param spatialScale input pixels to feature cells (1 / {@code featmap_stride}, 1/16)
 * @param samplingRatio RoIAlign's points per bin and axis; 0 for adaptive
 * @param aligned RoIAlign's half-pixel shift
 * @param temporalPoolType {@code avg} or {@code max} over time of the RoI features
 * @param spatialPoolType {@code max} (MMAction2's default) or {@code avg} over the RoI's cells
 * @param dropoutRatio dropout before the classifier while training
 * @param initStd standard deviation of the classifier's initial weights
 * @param focalGamma the training loss's focal exponent: 0 (default) is plain binary cross entropy
 * @param focalAlpha the training loss's focal weight (default 1)
 * @param roiLayerType {@code RoIAlign} (default) or {@code RoIPool}, MMAction2's {@code roi_layer_type};
 *     RoIPool ignores {@code samplingRatio} and {@code aligned}
 */
public record AvaBBoxHeadConfig(int numClasses, int roiOutputSize, double spatialScale, int samplingRatio,
        boolean aligned, String temporalPoolType, String spatialPoolType, double dropoutRatio, double initStd,
        double focalGamma, double focalAlpha, String roiLayerType) {

    private static final List<String> POOLS = List.of("avg", "max");
    public static final String ROI_ALIGN = "RoIAlign";
    public static final String ROI_POOL = "RoIPool";
    public static final AvaBBoxHeadConfig AVA = new AvaBBoxHeadConfig(81, 8, 0.0625, 0, true, "avg", "max", 0, 0.01,
            0, 1, ROI_ALIGN);

    public AvaBBoxHeadConfig {
        ConfigChecks.atLeast("numClasses", numClasses, 2);
        ConfigChecks.positive("roiOutputSize", roiOutputSize);
        if (!(spatialScale > 0) || Double.isInfinite(spatialScale)) {
            throw new ConfigValueException("spatialScale", "must be positive, got " + spatialScale);
        }
        ConfigChecks.atLeast("samplingRatio", samplingRatio, 0);
        ConfigChecks.oneOf("temporalPoolType", temporalPoolType, POOLS);
        ConfigChecks.oneOf("spatialPoolType", spatialPoolType, POOLS);
        ConfigChecks.inRange("dropoutRatio", dropoutRatio, 0, 1);
        ConfigChecks.inRange("initStd", initStd, 0, 10);
        ConfigChecks.inRange("focalGamma", focalGamma, 0, 10);
        ConfigChecks.inRange("focalAlpha", focalAlpha, 0, 100);
        roiLayerType = roiLayerType == null ? ROI_ALIGN : roiLayerType;
        ConfigChecks.oneOf("roiLayerType", roiLayerType, List.of(ROI_ALIGN, ROI_POOL));
    }
}
