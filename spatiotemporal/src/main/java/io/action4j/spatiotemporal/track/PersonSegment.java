package io.action4j.spatiotemporal.track;

/**
 * One person doing one action for a while: "person 3: walk from 12 s to 31 s".
 *
 * @param trackId the person's track
 * @param actionId the action's id, as in the label map
 * @param label the action's name
 * @param startSeconds where the run of keyframes begins, less half a keyframe stride (clamped to 0)
 * @param endSeconds where it ends, plus half a stride (clamped to the video's length)
 * @param meanScore the action's mean score over the run's keyframes
 * @param keyframes keyframes in the run
 */
public record PersonSegment(int trackId, int actionId, String label, double startSeconds, double endSeconds,
                            double meanScore, int keyframes) {
}
