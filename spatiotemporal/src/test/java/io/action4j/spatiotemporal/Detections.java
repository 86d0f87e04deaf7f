package io.action4j.spatiotemporal;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.metric.DetectionSample;
import io.action4j.api.result.ActorDetection;
import java.util.List;

/** Small builders for hand-made keyframes. */
final class Detections {

    static final String VIDEO = "video";

    private Detections() {
    }

    static ActorDetection detection(int second, NormalizedBox box, int actionId, float score) {
        return new ActorDetection(VIDEO, second, box, actionId, score);
    }

    static ActorDetection truth(int second, NormalizedBox box, int actionId) {
        return detection(second, box, actionId, 1f);
    }

    static DetectionSample frame(int second, List<ActorDetection> predicted, List<ActorDetection> groundTruth) {
        return new DetectionSample(VIDEO, second, predicted, groundTruth);
    }
}
