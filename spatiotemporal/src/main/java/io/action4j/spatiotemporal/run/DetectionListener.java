package io.action4j.spatiotemporal.run;

import io.action4j.spatiotemporal.track.PersonSegment;

/**
 * Receives a detection run's results as they are made, in time order, on the run's last stage (one
 * thread): write them, draw them, count them. What it does holds that stage, and so, through the
 * bounded queues, the whole pipeline: keep it quick or hand the work on.
 */
public interface DetectionListener {

    /** Listens to nothing. */
    DetectionListener NONE = new DetectionListener() {
    };

    /** A keyframe's people, in keyframe order. */
    default void keyframe(KeyframeDetections keyframe) throws java.io.IOException {
    }

    /** A person's action segment, as soon as it ends (so not in start order). */
    default void segment(PersonSegment segment) throws java.io.IOException {
    }
}
