package io.action4j.localization.metric;

import io.action4j.api.result.TemporalSegment;

/** A predicted segment and the video it was predicted in. */
record RankedDetection(String videoId, TemporalSegment segment) {
}
