package io.action4j.engine.stream;

import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import java.util.List;

/**
 * A video's frames, decoded once in order, turned into model inputs as they complete: windows of a plan
 * ({@link WindowStream}) or a sampler's centred clips ({@link CentredClipStream}). Not thread-safe.
 */
interface FrameStream {

    /** Takes the next frame of the video; returns the inputs it completes, in order. */
    List<WindowStream.ReadyWindow> accept(VideoFrame frame);

    /**
     * The stream ended: returns the inputs only its end decides.
     *
     * @param video reads frames that were not kept, for a stream whose end moved what it needs
     */
    List<WindowStream.ReadyWindow> finish(WindowStream.RandomAccess video) throws VideoException;

    /** Frames decoded so far. */
    int framesArrived();

    /** The most frames held at once so far. */
    int maxFramesHeld();

    /** Frames read again by random access at the end (0 for a stream that never needs to). */
    int framesReadAgain();
}
