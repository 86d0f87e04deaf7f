package io.action4j.launcher;

import io.action4j.engine.recognition.RecognitionOptions;
import picocli.CommandLine.Option;

/** How a command scores a video's views (clips x crops): the averaging and the views per forward pass. */
final class ViewArguments {

    @Option(names = "--average-clips", defaultValue = "prob",
            description = "prob (softmax per view, then the mean; default) or score (mean of raw scores).")
    String averageClips;

    @Option(names = "--max-views-per-pass", defaultValue = "8",
            description = "Views per forward pass at most, to bound memory (default: ${DEFAULT-VALUE}).")
    int maxViewsPerPass;

    RecognitionOptions options() {
        return new RecognitionOptions(averageClips, maxViewsPerPass, 0);
    }
}
