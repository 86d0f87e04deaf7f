package io.action4j.spatiotemporal.boxes;

import io.action4j.api.detection.NormalizedBox;

/**
 * IoU of two normalised boxes with the reference's arithmetic (MMAction2's {@code np_box_ops.iou}
 * on float32 arrays): no "+1" on widths, since the coordinates are fractions of the frame;
 * side lengths and areas in float, the intersection and the ratio in double. Matching the
 * precision keeps a box whose IoU sits right at the threshold on the same side as there.
 */
public final class BoxIou {

    private BoxIou() {
    }

    public static double of(NormalizedBox a, NormalizedBox b) {
        double height = Math.max(0.0, (double) (Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1())));
        double width = Math.max(0.0, (double) (Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1())));
        double intersection = height * width;
        float areaSum = area(a) + area(b);
        return intersection / (areaSum - intersection);
    }

    private static float area(NormalizedBox box) {
        return (box.y2() - box.y1()) * (box.x2() - box.x1());
    }
}
