package io.action4j.spatiotemporal.ava;

import io.action4j.api.detection.NormalizedBox;

/**
 * One row of an AVA ground-truth, prediction or proposal CSV.
 *
 * @param videoId the video
 * @param timestampSeconds the keyframe's time
 * @param box the person, normalised to 0..1
 * @param actionId the action, as in the label map
 * @param lastColumn the optional 8th column: a person id in ground truth, a score in predictions;
 *                   1.0 when the row has only 7 columns, as MMAction2's {@code read_csv} assumes
 * @param line the 1-based line in the file, for messages
 */
public record AvaCsvRow(String videoId, double timestampSeconds, NormalizedBox box, int actionId, double lastColumn, int line) {

    public KeyframeKey keyframe() {
        return KeyframeKey.of(videoId, timestampSeconds);
    }
}
