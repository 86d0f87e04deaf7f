package io.action4j.plugins.transforms;

import io.action4j.api.transform.Box;
import java.util.List;

/**
 * How MMAction2 moves {@code gt_bboxes} / {@code proposals} (float32 arrays) with the frames.
 * Java {@code float} arithmetic rounds like numpy's float32.
 */
final class Boxes {

    private Boxes() {
    }

    /** {@code RandomCrop._box_crop}: shift by the crop origin, clamp to {@code [0, w-1]} x {@code [0, h-1]}. */
    static List<Box> crop(List<Box> boxes, CropRegion region) {
        float maxX = region.width() - 1;
        float maxY = region.height() - 1;
        return boxes.stream().map(box -> new Box(
                clamp(box.x1() - region.x(), maxX), clamp(box.y1() - region.y(), maxY),
                clamp(box.x2() - region.x(), maxX), clamp(box.y2() - region.y(), maxY))).toList();
    }

    /** {@code Flip._box_flip}: mirror with the full width, {@code x1' = W - x2}, {@code x2' = W - x1}. */
    static List<Box> flipHorizontal(List<Box> boxes, int width) {
        return boxes.stream().map(box -> new Box(width - box.x2(), box.y1(), width - box.x1(), box.y2())).toList();
    }

    /** {@code Resize._box_resize}: multiply by the float32 scale factor of this resize. */
    static List<Box> scale(List<Box> boxes, float scaleX, float scaleY) {
        return boxes.stream().map(box -> new Box(
                box.x1() * scaleX, box.y1() * scaleY, box.x2() * scaleX, box.y2() * scaleY)).toList();
    }

    private static float clamp(float value, float max) {
        return Math.min(Math.max(value, 0f), max);
    }
}
