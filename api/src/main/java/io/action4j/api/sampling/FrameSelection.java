package io.action4j.api.sampling;

/**
 * Frame indices chosen by a sampler, clip after clip: {@code indices.length == numClips * clipLen}.
 * Indices already include the reader's start index.
 */
public record FrameSelection(int[] indices, int clipLen, int numClips) {

    public FrameSelection {
        if (clipLen <= 0 || numClips <= 0 || indices.length != clipLen * numClips) {
            throw new IllegalArgumentException("a selection of " + numClips + " clips of " + clipLen
                    + " frames needs " + numClips * clipLen + " indices, got " + indices.length);
        }
        indices = indices.clone();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }
}
