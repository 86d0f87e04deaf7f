package io.action4j.spark;

import java.util.List;

/**
 * Spatio-temporal detection over many videos: each keyframe's people with their actions (AVA rows)
 * and each person's action segments.
 *
 * @param labelMap the AVA label map ({@code .pbtxt}) the head's classes follow, readable on every executor
 * @param boxes where person boxes come from, as {@code detect --boxes} takes it ({@code nanodet}, {@code hog})
 * @param minBoxScore person boxes below this score are left out
 */
public record DetectionJob(String config, String checkpoint, String labelMap, String boxes, double minBoxScore,
                           List<String> overrides, boolean failOnError) implements InferenceJob {

    public DetectionJob {
        InferenceJob.require("config", config);
        InferenceJob.require("label map", labelMap);
        InferenceJob.require("person box source", boxes);
        config = InferenceJob.executorPath(config);
        checkpoint = InferenceJob.executorPath(checkpoint);
        labelMap = InferenceJob.executorPath(labelMap);
        // A box file (not a detector's name) is opened on the executors too.
        boxes = boxes != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(boxes))
                ? InferenceJob.executorPath(boxes) : boxes;
        overrides = List.copyOf(overrides);
    }

    public static DetectionJob of(String config, String checkpoint, String labelMap, String boxes) {
        return new DetectionJob(config, checkpoint, labelMap, boxes, 0.5, List.of(), false);
    }

    public DetectionJob withOverrides(List<String> keyValues) {
        return new DetectionJob(config, checkpoint, labelMap, boxes, minBoxScore, keyValues, failOnError);
    }

    public DetectionJob failingOnError(boolean fail) {
        return new DetectionJob(config, checkpoint, labelMap, boxes, minBoxScore, overrides, fail);
    }
}
