package io.action4j.api.result;

/**
 * An action instance in an untrimmed video.
 *
 * @param startSeconds where it starts
 * @param endSeconds where it ends
 * @param label class index, or -1 for a class-agnostic proposal
 * @param score confidence
 */
public record TemporalSegment(double startSeconds, double endSeconds, int label, double score) {

    public TemporalSegment {
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("segment ends before it starts: " + startSeconds + " > " + endSeconds);
        }
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
