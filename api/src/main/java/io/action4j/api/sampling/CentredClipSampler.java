package io.action4j.api.sampling;

/**
 * A sampler whose clips are {@link CentredClips}: over a whole video it samples every clip at once;
 * a task that streams an untrimmed video asks for {@link #centredClips()} instead and makes the clips
 * one at a time as the frames arrive, with the same frames.
 */
public interface CentredClipSampler extends ClipSampler {

    /** Where the clips fall. */
    CentredClips centredClips();
}
