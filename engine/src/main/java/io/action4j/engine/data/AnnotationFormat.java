package io.action4j.engine.data;

/** MMAction2's annotation list layouts. */
public enum AnnotationFormat {
    /** {@code path label [label ...]}: video files (MMAction2's VideoDataset). */
    VIDEOS,
    /** {@code frame_dir [offset] total_frames label [label ...]}: rawframe folders (RawframeDataset). */
    RAWFRAMES
}
