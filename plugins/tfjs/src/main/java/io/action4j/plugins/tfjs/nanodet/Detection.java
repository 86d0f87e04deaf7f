package io.action4j.plugins.tfjs.nanodet;

/** A box found on the detector's input, corners as fractions of its width and height, with its score. */
record Detection(float x1, float y1, float x2, float y2, float score) {

    float area() {
        return Math.max(0f, x2 - x1) * Math.max(0f, y2 - y1);
    }

    /** Intersection over union; 0 when the boxes do not overlap. */
    float iou(Detection other) {
        float width = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float height = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (width <= 0 || height <= 0) {
            return 0f;
        }
        float overlap = width * height;
        return overlap / (area() + other.area() - overlap);
    }
}
