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
 */
public record LocalizationResult(String video, double durationSeconds, int snippets, boolean fromCache,
                                 int resumedSnippets, List<TemporalSegment> segments) {

    public LocalizationResult {
        segments = List.copyOf(segments);
    }
}
