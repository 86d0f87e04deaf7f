package io.action4j.plugins.tfjs.nanodet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression: best first, a box overlapping a kept one by more than the IoU goes. */
final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /** @return the kept boxes, best first (equal scores keep their input order) */
    static List<Detection> apply(List<Detection> candidates, double maxIou) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            if (kept.stream().allMatch(box -> box.iou(candidate) <= maxIou)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
