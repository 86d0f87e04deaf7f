package io.action4j.localization.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a {@link Localizer} runs.
 *
 * @param seed seeds the pipeline's sampling and the parameters of a model without a checkpoint
 * @param batchSize snippet views run through the backbone at once
 * @param featureCache where snippet features are kept, so that a video is decoded once and an
 *                     interrupted extraction resumes; empty: features are not kept
 * @param refuseShortVideos refuse a video shorter than one snippet instead of padding it (its one
 *                          snippet then repeats frames, as the sampler pads any short video)
 */
public record LocalizerOptions(long seed, int batchSize, Optional<Path> featureCache, boolean refuseShortVideos) {

    public static final LocalizerOptions DEFAULTS = new LocalizerOptions(0, 8, Optional.empty(), false);

    public LocalizerOptions(long seed, int batchSize, Optional<Path> featureCache) {
        this(seed, batchSize, featureCache, false);
    }

    public LocalizerOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    public LocalizerOptions withFeatureCache(Path folder) {
        return new LocalizerOptions(seed, batchSize, Optional.of(folder), refuseShortVideos);
    }
}
