package io.action4j.api.result;

import io.action4j.api.detection.NormalizedBox;

/**
 * One person on one keyframe and one of their actions (AVA's CSV row: video, time, box, action, score).
 *
 * @param videoId the video
 * @param timestampSeconds the keyframe's time
 * @param box the person, normalised to 0..1 of the frame
 * @param actionId the action's id, as in the label map
 * @param score confidence
 */
public record ActorDetection(String videoId, double timestampSeconds, NormalizedBox box, int actionId, float score) {
}
