package io.action4j.api.flow;

import io.action4j.api.video.VideoFrame;

/**
 * Dense optical flow between two frames, a {@link io.action4j.api.ComponentKind#FLOW_ESTIMATOR}. An estimator
 * may hold native memory and an algorithm's state between calls: it is <b>not thread-safe</b> (create one per
 * thread) and must be closed.
 */
public interface FlowEstimator extends AutoCloseable {

    /**
     * The flow from {@code previous} to {@code next}: where each pixel of {@code previous} is found in
     * {@code next}.
     *
     * @param previous an RGB (3 channels) or grey (1 channel) frame
     * @param next a frame of the same size and channels
     * @throws IllegalArgumentException when the frames differ in size or channels
     */
    FlowField estimate(VideoFrame previous, VideoFrame next);

    @Override
    void close();
}
