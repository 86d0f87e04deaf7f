package io.action4j.api.detection;

import io.action4j.api.video.VideoFrame;
import java.util.Objects;

/**
 * A keyframe that a {@link PersonBoxSource} is asked about: which video and when, and the decoded frame
 * itself, so that a detector can look at the pixels (a proposals file only needs the video and the time).
 *
 * @param videoId the video, as the annotation files name it (the file name without extension)
 * @param timestampSeconds the keyframe's time
 * @param frame the decoded frame (RGB)
 */
public record Keyframe(String videoId, double timestampSeconds, VideoFrame frame) {

    public Keyframe {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(frame, "frame");
    }
}
