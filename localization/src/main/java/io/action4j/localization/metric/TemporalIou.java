package io.action4j.localization.metric;

import io.action4j.api.result.TemporalSegment;

/** Temporal intersection over union, as MMAction2's {@code pairwise_temporal_iou} computes it. */
final class TemporalIou {

    private TemporalIou() {
    }

    /**
     * Computed in double and rounded to float32, because MMAction2 stores tIoU in a float32 array:
     * a tIoU of 7/10 becomes 0.69999999 and fails a 0.7 threshold.
     */
    static float of(TemporalSegment a, TemporalSegment b) {
        double intersection = Math.max(0.0, Math.min(a.endSeconds(), b.endSeconds())
                - Math.max(a.startSeconds(), b.startSeconds()));
        double union = b.durationSeconds() + a.durationSeconds() - intersection;
        return (float) (intersection / union);
    }

    /**
     * The tIoU of segments stored as float32, as MMAction2's {@code average_recall_at_avg_proposals}
     * casts them: the intersection and union in float32, their ratio in double, stored as float32.
     */
    static float ofFloat32(float start, float end, float otherStart, float otherEnd) {
        float intersection = Math.max(Math.min(end, otherEnd) - Math.max(start, otherStart), 0f);
        float union = (otherEnd - otherStart) + (end - start) - intersection;
        return (float) ((double) intersection / union);
    }
}
