package io.action4j.plugins.tfjs.nanodet;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Config of {@code nanodet}, the NanoDet-m person detector.
 *
 * @param modelDir the folder holding {@code nanodet.json} and {@code nanodet.bin}; by default
 *     {@code $ACTION4J_HUMAN_MODELS}, else the system property {@code action4j.humanModels}, else
 *     {@code ~/.cache/action4j/human-models/3.0.4/models}, where {@code tools/fetch-human-models.sh} puts them
 * @param scoreThreshold person boxes scoring at or below this are dropped, in [0, 1]
 * @param nmsIou of two person boxes overlapping by more than this IoU the lower-scoring one is dropped, in [0, 1]
 * @param inputSize the square the frame is stretched to: the model's input size, 416
 * @param normalization how pixels become the network's input: {@code nanodet} (BGR, {@code (x - mean) / std}
 *     with NanoDet's training mean and std; the default) or {@code human} (RGB / 255, as
 *     {@code @vladmandic/human}'s nanodet.ts feeds it)
 */
public record NanoDetConfig(String modelDir, double scoreThreshold, double nmsIou, int inputSize,
                            String normalization) {

    public static final List<String> NORMALIZATIONS = List.of("nanodet", "human");

    public NanoDetConfig {
        if (modelDir == null || modelDir.isBlank()) {
            throw new ConfigValueException("modelDir", "must name the folder holding nanodet.json");
        }
        ConfigChecks.inRange("scoreThreshold", scoreThreshold, 0.0, 1.0);
        ConfigChecks.inRange("nmsIou", nmsIou, 0.0, 1.0);
        ConfigChecks.positive("inputSize", inputSize);
        normalization = normalization == null ? "nanodet" : normalization;
        ConfigChecks.oneOf("normalization", normalization, NORMALIZATIONS);
    }

    /** The defaults, with the model folder {@link NanoDetModelFiles#defaultFolder()} resolves. */
    public static NanoDetConfig defaults() {
        return new NanoDetConfig(NanoDetModelFiles.defaultFolder().toString(), 0.35, 0.5, 416, "nanodet");
    }
}
