package io.action4j.engine.recognition;

import io.action4j.api.video.Overlay;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoFormat;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoSink;
import io.action4j.engine.data.DecodedStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A copy of a video with lines of text (the recognised labels and scores) drawn in its top-left corner
 * on every frame, or with boxes and labels that change from frame to frame (people and their actions),
 * at the source's size and frame rate. Frames are streamed one at a time; the copy
 * appears under its name only once complete.
 */
public final class AnnotatedVideo {

    private AnnotatedVideo() {
    }

    /**
     * @throws IOException naming the source or the target when either cannot be read or written
     */
    public static void write(VideoDecoder decoder, Path source, VideoEncoder encoder, Path target, List<String> lines)
            throws IOException {
        Overlay overlay = Overlay.lines(lines);
        write(decoder, source, encoder, target, position -> overlay);
    }

    /**
     * A copy with what {@code overlayAt} gives for each frame drawn on it (boxes, labels).
     *
     * @param overlayAt the overlay of the frame at a position (0 for the first frame decoded), in order
     */
    public static void write(VideoDecoder decoder, Path source, VideoEncoder encoder, Path target,
                             IntFunction<Overlay> overlayAt) throws IOException {
        try (VideoReader reader = decoder.open(source);
             VideoSink sink = encoder.open(target, VideoFormat.like(reader.metadata()))) {
            Iterator<VideoFrame> frames = reader.stream(reader.metadata().startIndex());
            VideoFrame frame;
            int position = 0;
            // A file cut short is copied up to the cut, the frames recognition saw.
            while ((frame = DecodedStream.nextBeforeCut(frames)) != null) {
                sink.write(frame, overlayAt.apply(position++));
            }
            sink.finish();
        }
    }
}
