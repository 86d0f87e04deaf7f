package io.action4j.engine.config;

import io.action4j.api.ConfigValueException;

/**
 * Where a task that works on keyframes (AVA-style detection) looks in a video: at {@code start},
 * {@code start + stride}, ... seconds, while inside the video. AVA annotates one keyframe per second
 * at whole seconds, hence the defaults.
 *
 * @param stride seconds from one keyframe to the next (default 1)
 * @param start the first keyframe's time in seconds (default: one stride in, so that the first clip has
 *              frames before its keyframe)
 */
public record KeyframesConfig(Double stride, Double start) {

    public static final KeyframesConfig AVA = new KeyframesConfig(1.0, 1.0);

    public KeyframesConfig {
        stride = stride == null ? 1.0 : stride;
        start = start == null ? stride : start;
        if (!(stride > 0) || Double.isInfinite(stride)) {
            throw new ConfigValueException("stride", "must be a positive number of seconds, got " + stride);
        }
        if (!(start >= 0) || Double.isInfinite(start)) {
            throw new ConfigValueException("start", "must be zero or a positive number of seconds, got " + start);
        }
    }
}
