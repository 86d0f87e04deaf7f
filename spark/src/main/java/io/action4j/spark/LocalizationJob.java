package io.action4j.spark;

import java.util.List;

/**
 * Temporal localization over many untrimmed videos: each video's segments, one row each.
 *
 * @param checkpoint the localizer's checkpoint (the head, or the backbone and the head), or null
 * @param backboneCheckpoint the snippet backbone's own checkpoint when the localizer's holds only the head, or null
 */
public record LocalizationJob(String config, String checkpoint, String backboneCheckpoint, List<String> overrides,
                              boolean failOnError) implements InferenceJob {

    public LocalizationJob {
        InferenceJob.require("config", config);
        config = InferenceJob.executorPath(config);
        checkpoint = InferenceJob.executorPath(checkpoint);
        backboneCheckpoint = InferenceJob.executorPath(backboneCheckpoint);
        overrides = List.copyOf(overrides);
    }

    public static LocalizationJob of(String config, String checkpoint) {
        return new LocalizationJob(config, checkpoint, null, List.of(), false);
    }

    public LocalizationJob withBackboneCheckpoint(String file) {
        return new LocalizationJob(config, checkpoint, file, overrides, failOnError);
    }

    public LocalizationJob withOverrides(List<String> keyValues) {
        return new LocalizationJob(config, checkpoint, backboneCheckpoint, keyValues, failOnError);
    }

    public LocalizationJob failingOnError(boolean fail) {
        return new LocalizationJob(config, checkpoint, backboneCheckpoint, overrides, fail);
    }
}
