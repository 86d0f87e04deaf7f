package io.action4j.plugins.hog;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * Config of {@code hog}: OpenCV's {@code HOGDescriptor.detectMultiScale} with its default people
 * detector (a 64 x 128 window), in OpenCV's parameter names (camel case).
 *
 * @param upscale the frame is enlarged by this factor first: the window finds people at least 128 pixels
 *                tall, so small frames (or distant people) need it (default 1: as decoded)
 * @param scale the image pyramid's step (OpenCV's default 1.05)
 * @param hitThreshold the least SVM margin for a window to count (OpenCV's default 0)
 * @param winStride the window's step in pixels, both axes (OpenCV's sample: 8)
 * @param padding pixels added around the image, both axes (OpenCV's sample: 8; 0 is faster)
 * @param finalThreshold windows that must overlap for a detection when grouping (OpenCV's default 2)
 * @param minScore boxes scoring below this are dropped; a box's score is the logistic of its SVM margin
 */
public record HogConfig(double upscale, double scale, double hitThreshold, int winStride, int padding,
                        double finalThreshold, double minScore) {

    public static final HogConfig DEFAULTS = new HogConfig(1.0, 1.05, 0.0, 8, 8, 2.0, 0.0);

    public HogConfig {
        if (!(upscale >= 0.25 && upscale <= 8)) {
            throw new ConfigValueException("upscale", "must be in [0.25, 8], got " + upscale);
        }
        if (!(scale > 1.0 && scale <= 2.0)) {
            throw new ConfigValueException("scale", "must be in (1, 2], got " + scale);
        }
        if (!Double.isFinite(hitThreshold)) {
            throw new ConfigValueException("hitThreshold", "must be a number, got " + hitThreshold);
        }
        ConfigChecks.positive("winStride", winStride);
        ConfigChecks.atLeast("padding", padding, 0);
        ConfigChecks.inRange("finalThreshold", finalThreshold, 0, 100);
        ConfigChecks.inRange("minScore", minScore, 0, 1);
    }
}
