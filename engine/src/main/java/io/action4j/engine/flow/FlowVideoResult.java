package io.action4j.engine.flow;

import java.nio.file.Path;

/**
 * What {@link FlowExtractor} did with one video.
 *
 * @param video the video
 * @param folder its flow folder
 * @param pairs the frame pairs the video has (frames - 1)
 * @param computed pairs whose flow was computed in this run
 * @param skipped pairs whose files were already there (an earlier run's) and were left alone
 * @param seconds the time spent on this video
 * @param preview the preview image, or null when none was asked for
 * @param error why the video failed, or null when it did not
 */
public record FlowVideoResult(Path video, Path folder, int pairs, int computed, int skipped, double seconds,
                              Path preview, String error) {

    public boolean failed() {
        return error != null;
    }

    /** Computed pairs per second. */
    public double pairsPerSecond() {
        return seconds > 0 ? computed / seconds : 0;
    }
}
