package io.action4j.synth;

import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoFormat;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoSink;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a long video frame by frame as it is rendered, so memory does not grow with its length. */
final class RenderedVideo {

    private static final int QUANTISER = 2;

    private RenderedVideo() {
    }

    /**
     * Near-lossless quantiser 2 and a keyframe every {@value SyntheticVideo#KEYFRAME_INTERVAL} frames, as the
     * trimmed videos; the file appears under its name only once complete.
     */
    static void write(SceneRenderer renderer, int frames, int width, int height, double fps, Path file,
                      VideoEncoder encoder) throws IOException {
        try (VideoSink sink = encoder.open(file, new VideoFormat(width, height, fps, QUANTISER,
                SyntheticVideo.KEYFRAME_INTERVAL))) {
            for (int f = 0; f < frames; f++) {
                sink.write(new VideoFrame(f, width, height, 3, renderer.render(f)));
            }
            sink.finish();
        }
    }
}
