package io.action4j.api.metric;

import io.action4j.api.result.TemporalSegment;
import java.util.List;

/** The predicted and the true segments of one video. */
public record LocalizationSample(String videoId, List<TemporalSegment> predicted, List<TemporalSegment> groundTruth) {

    public LocalizationSample {
        predicted = List.copyOf(predicted);
        groundTruth = List.copyOf(groundTruth);
    }
}
