package io.action4j.engine.recognition;

import io.action4j.api.result.ViewAveraging;

/**
 * How a {@link Recognizer} runs.
 *
 * @param averageClips how a video's views combine: {@code prob} (mean of per-view softmax, MMAction2's
 *                     default for testing) or {@code score} (mean of raw scores)
 * @param maxViewsPerPass views per forward pass at most: bounds memory for many clips x crops
 * @param seed seeds train-mode sampling and random transforms, if a config uses them
 */
public record RecognitionOptions(String averageClips, int maxViewsPerPass, long seed) {

    public static final RecognitionOptions DEFAULTS = new RecognitionOptions("prob", 8, 0);

    public RecognitionOptions {
        if (!averageClips.equals("prob") && !averageClips.equals("score")) {
            throw new IllegalArgumentException("averageClips must be prob or score, got " + averageClips
                    + " (" + ViewAveraging.MODES + " minus none: a recognizer returns one row per video)");
        }
        if (maxViewsPerPass < 1) {
            throw new IllegalArgumentException("maxViewsPerPass must be positive, got " + maxViewsPerPass);
        }
    }
}
