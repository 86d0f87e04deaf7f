package io.action4j.api.video;

import java.util.Iterator;
import java.util.List;

/**
 * An open video: random access by frame index and sequential streaming. Holds a native decoder:
 * close it, with try-with-resources. Not thread-safe.
 */
public interface VideoReader extends AutoCloseable {

    VideoMetadata metadata();

    /** What the reader reads (its file or folder), for messages about it. */
    default String source() {
        return "the video";
    }

    /** The frames at {@code indices} (any order, repeats allowed), decoding only what they need. */
    List<VideoFrame> read(int[] indices) throws VideoException;

    /**
     * Every frame from {@code firstIndex} on, decoded as the iterator advances; at most a bounded
     * number of frames is held at once. A decoding failure is thrown as {@link VideoStreamException}.
     */
    Iterator<VideoFrame> stream(int firstIndex) throws VideoException;

    @Override
    void close() throws VideoException;
}
