package io.action4j.localization.run;

import io.action4j.api.result.TemporalSegment;
import java.util.List;

/**
 * One video's segments.
 *
 * @param video the video as given
 * @param durationSeconds the video's length as its stream gave it
 * @param snippets snippet features computed (or read from the cache)
 * @param fromCache whether the features came from the cache, with no decoding
 * @param resumedSnippets snippets an interrupted earlier run had finished, taken from the cache
 * @param segments best first, times in seconds from the video's start; label -1 for class-agnostic proposals
 * @param times where the time went
 */
public record LocalizationResult(String video, double durationSeconds, int snippets, boolean fromCache,
                                 int resumedSnippets, List<TemporalSegment> segments, StageTimes times) {

    public LocalizationResult {
        segments = List.copyOf(segments);
    }

    /** The same result with other segments (e.g. labelled ones). */
    public LocalizationResult withSegments(List<TemporalSegment> labelled) {
        return new LocalizationResult(video, durationSeconds, snippets, fromCache, resumedSnippets, labelled, times);
    }

    /**
     * Seconds per stage of one video: decoding with the snippets' transforms, the backbone, the
     * localization head, and decoding its outputs into segments (Soft-NMS included).
     *
     * @param framesDecoded frames the stream gave (0 when the features came from the cache)
     */
    public record StageTimes(double decodeSeconds, double backboneSeconds, double headSeconds,
                             double postProcessingSeconds, long framesDecoded) {

        public double totalSeconds() {
            return decodeSeconds + backboneSeconds + headSeconds + postProcessingSeconds;
        }
    }
}
