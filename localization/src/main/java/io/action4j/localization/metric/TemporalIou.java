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
}
