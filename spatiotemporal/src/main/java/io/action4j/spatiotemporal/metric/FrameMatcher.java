package io.action4j.spatiotemporal.metric;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.result.ActorDetection;
import io.action4j.spatiotemporal.boxes.BoxIou;
import java.util.List;

/**
 * Decides true and false positives of one class on one keyframe (MMAction2's {@code tpfp_single}):
 * in score order, each detection looks only at the ground-truth box it overlaps most (the first
 * one on a tie); it is a true positive if that IoU reaches the threshold and the box is not taken
 * yet. It does not fall back to the next-best box, unlike ActivityNet's temporal mAP.
 */
final class FrameMatcher {

    private final double iouThreshold;

    FrameMatcher(double iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    /**
     * @param detections one class's detections on the frame, best score first
     * @param truth the same class's ground-truth boxes on the frame, in the reference's order
     * @param into where each decision goes
     */
    void match(List<ActorDetection> detections, List<NormalizedBox> truth, ClassDetections into) {
        boolean[] taken = new boolean[truth.size()];
        for (ActorDetection detection : detections) {
            boolean truePositive = false;
            int best = bestOverlap(detection.box(), truth);
            if (best >= 0 && BoxIou.of(detection.box(), truth.get(best)) >= iouThreshold && !taken[best]) {
                taken[best] = true;
                truePositive = true;
            }
            into.add(detection.score(), truePositive);
        }
    }

    /** numpy's argmax: the first maximum, and the first NaN if any (a 0/0 IoU of empty boxes). */
    private static int bestOverlap(NormalizedBox box, List<NormalizedBox> truth) {
        int best = -1;
        double bestIou = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < truth.size(); i++) {
            double iou = BoxIou.of(box, truth.get(i));
            if (Double.isNaN(iou)) {
                return i;
            }
            if (iou > bestIou) {
                bestIou = iou;
                best = i;
            }
        }
        return best;
    }
}
