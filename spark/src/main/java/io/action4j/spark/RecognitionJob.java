package io.action4j.spark;

import java.util.List;

/**
 * Recognition over many videos: each video's top classes, or each window's when {@code window} and
 * {@code stride} are set (frames, or seconds as {@code 2s}: the single-machine {@code recognize --window}).
 *
 * @param labels a file with one class name per line, readable on every executor
 * @param topK classes kept per video or window
 */
public record RecognitionJob(String config, String checkpoint, String labels, int topK, String window, String stride,
                             List<String> overrides, boolean failOnError) implements InferenceJob {

    public RecognitionJob {
        InferenceJob.require("config", config);
        InferenceJob.require("label file", labels);
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
        if ((window == null) != (stride == null)) {
            throw new IllegalArgumentException("a window needs a stride and a stride a window");
        }
        config = InferenceJob.executorPath(config);
        checkpoint = InferenceJob.executorPath(checkpoint);
        labels = InferenceJob.executorPath(labels);
        overrides = List.copyOf(overrides);
    }

    /** Whole videos, the 5 best classes, bad videos as error rows. */
    public static RecognitionJob of(String config, String checkpoint, String labels) {
        return new RecognitionJob(config, checkpoint, labels, 5, null, null, List.of(), false);
    }

    public RecognitionJob withTopK(int k) {
        return new RecognitionJob(config, checkpoint, labels, k, window, stride, overrides, failOnError);
    }

    public RecognitionJob withWindows(String windowLength, String strideLength) {
        return new RecognitionJob(config, checkpoint, labels, topK, windowLength, strideLength, overrides, failOnError);
    }

    public RecognitionJob withOverrides(List<String> keyValues) {
        return new RecognitionJob(config, checkpoint, labels, topK, window, stride, keyValues, failOnError);
    }

    public RecognitionJob failingOnError(boolean fail) {
        return new RecognitionJob(config, checkpoint, labels, topK, window, stride, overrides, fail);
    }
}
