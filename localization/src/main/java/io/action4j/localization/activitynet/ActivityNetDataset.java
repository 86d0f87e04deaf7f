package io.action4j.localization.activitynet;

import io.action4j.api.metric.LocalizationSample;
import java.util.List;

/**
 * Ground truth and predictions read from ActivityNet files.
 *
 * @param classNames the class names; a segment's label is an index into this list, numbered in
 *                   the order the names first appear in the ground truth (as MMAction2 does)
 * @param samples one per video: videos with results first, in the results file's order (which
 *                decides ties in score), then videos with ground truth only
 */
public record ActivityNetDataset(List<String> classNames, List<LocalizationSample> samples) {

    public ActivityNetDataset {
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
    }

    /** The label index of {@code className}, or -1 if the ground truth does not have it. */
    public int classIndex(String className) {
        return classNames.indexOf(className);
    }
}
