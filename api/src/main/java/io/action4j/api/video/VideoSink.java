package io.action4j.api.video;

/**
 * One video being written. Frames are RGB ({@link VideoFrame} with 3 channels) of the format's size.
 * {@link #finish()} completes the file and moves it under its name; {@link #close()} without it
 * discards what was written. Use it with try-with-resources.
 */
public interface VideoSink extends AutoCloseable {

    /** Encodes {@code frame} with {@code overlay} drawn on it (the frame's own pixels are not changed). */
    void write(VideoFrame frame, Overlay overlay) throws VideoException;

    /** Encodes {@code frame} as it is. */
    default void write(VideoFrame frame) throws VideoException {
        write(frame, Overlay.NONE);
    }

    /** Flushes the encoder and moves the finished file to its target. */
    void finish() throws VideoException;

    /** Releases the encoder; deletes the unfinished file unless {@link #finish()} succeeded. */
    @Override
    void close() throws VideoException;
}
