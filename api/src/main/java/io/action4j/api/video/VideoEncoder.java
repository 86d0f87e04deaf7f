package io.action4j.api.video;

import java.nio.file.Path;

/**
 * Writes video files frame by frame: what a {@link VideoWriterFactory} creates (the video plugin's
 * {@code ffmpeg} writes MPEG-4 in MP4). Code that writes videos (annotated results, synthetic data)
 * asks the registry for one instead of linking a codec library itself.
 */
@FunctionalInterface
public interface VideoEncoder {

    /**
     * Starts a video at {@code target}. Nothing appears under that name until {@link VideoSink#finish()}
     * succeeds: an earlier file there survives a failed or abandoned write.
     *
     * @throws VideoException naming the target when it cannot be written
     */
    VideoSink open(Path target, VideoFormat format) throws VideoException;
}
