package io.action4j.api.video;

/** Carries a {@link VideoException} out of an {@link java.util.Iterator} over frames. */
public class VideoStreamException extends RuntimeException {

    public VideoStreamException(VideoException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized VideoException getCause() {
        return (VideoException) super.getCause();
    }
}
