package io.action4j.engine.data;

import io.action4j.api.video.TruncatedVideoException;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoStreamException;
import java.util.Iterator;

/** Reading a video's frame stream ({@code VideoReader.stream}) to its end, or to where a truncated file stops. */
public final class DecodedStream {

    private DecodedStream() {
    }

    /**
     * The next frame, or null at the stream's end or at the cut of a file that stops before its container
     * says ({@link TruncatedVideoException}): the frames before the cut are the video.
     *
     * @throws VideoException for any other decoding failure
     */
    public static VideoFrame nextBeforeCut(Iterator<VideoFrame> frames) throws VideoException {
        try {
            return frames.hasNext() ? frames.next() : null;
        } catch (VideoStreamException e) {
            if (e.getCause() instanceof TruncatedVideoException) {
                return null;
            }
            throw e.getCause();
        }
    }
}
