package io.action4j.engine.stream;

import io.action4j.api.video.VideoMetadata;

/**
 * How a windowed run over one video went.
 *
 * @param metadata what the reader said before decoding; its frame count may be an estimate
 * @param plan the windows in frames, at this video's frame rate
 * @param framesDecoded frames the stream delivered: the windows cover these
 * @param windows windows scored
 * @param maxFramesHeld the most decoded frames held at once: bounded by the sampling, not the video
 * @param framesReadAgain frames of the last window read again by random access, because the stream
 *                        ended elsewhere than the metadata announced (0 when it ended there)
 */
public record WindowRun(VideoMetadata metadata, WindowPlan plan, int framesDecoded, int windows, int maxFramesHeld,
                        int framesReadAgain) {

    /** Whether the stream delivered another number of frames than the metadata announced (a cut file, an estimate). */
    public boolean frameCountDiffers() {
        return framesDecoded != metadata.frameCount();
    }
}
