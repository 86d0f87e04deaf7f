package io.action4j.spatiotemporal.ava;

import java.util.Objects;

/**
 * One keyframe: a video and a whole second, as MMAction2's {@code make_image_key} builds it from
 * {@code int(timestamp)}. AVA keyframes sit on whole seconds, so every timestamp is truncated to
 * its second; a tiny tolerance keeps a time computed as {@code frame / fps} (e.g. 901.9999999)
 * on the keyframe it means.
 */
public record KeyframeKey(String videoId, long second) {

    private static final double ROUNDING_NOISE = 1e-6;

    public KeyframeKey {
        Objects.requireNonNull(videoId, "videoId");
    }

    public static KeyframeKey of(String videoId, double timestampSeconds) {
        return new KeyframeKey(videoId, (long) Math.floor(timestampSeconds + ROUNDING_NOISE));
    }
}
