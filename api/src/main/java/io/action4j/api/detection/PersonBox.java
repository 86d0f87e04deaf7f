package io.action4j.api.detection;

/**
 * One person found on a keyframe.
 *
 * @param box where, as fractions of the frame
 * @param score how sure the source is (a detector's confidence, a proposal file's score), 0..1
 */
public record PersonBox(NormalizedBox box, float score) {
}
