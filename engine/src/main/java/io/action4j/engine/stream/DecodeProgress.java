package io.action4j.engine.stream;

/** Hears how far the decoding of a streamed video has got, e.g. to draw a progress bar. */
@FunctionalInterface
public interface DecodeProgress {

    DecodeProgress NONE = (decoded, expected) -> { };

    /**
     * Called after each decoded frame.
     *
     * @param expected the frame count from the video's metadata: an estimate for some containers
     */
    void framesDecoded(int decoded, int expected);
}
