package io.action4j.api.metric;

import io.action4j.api.result.ActorDetection;
import java.util.List;

/** The predicted and the true actor detections of one keyframe ({@code score} is ignored in the truth). */
public record DetectionSample(String videoId, double timestampSeconds, List<ActorDetection> predicted,
                              List<ActorDetection> groundTruth) {

    public DetectionSample {
        predicted = List.copyOf(predicted);
        groundTruth = List.copyOf(groundTruth);
    }
}
