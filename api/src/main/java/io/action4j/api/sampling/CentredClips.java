package io.action4j.api.sampling;

/**
 * Clips centred every {@code clipInterval} frames, as MMAction2's {@code UntrimmedSampleFrames} places
 * them: clip {@code k} is centred on frame {@code clipInterval / 2 + k * clipInterval}; its
 * {@code clipLen} frames are {@code frameInterval} apart, {@code clipLen / 2} of them before the centre,
 * and frames outside the video are clamped into it. Each clip stands for the {@code clipInterval}
 * frames {@code [k * clipInterval, (k + 1) * clipInterval)} around its centre, so the clips tile the
 * video. Frames are counted from 0 here; a sampler adds the reader's start index.
 *
 * <p>The arithmetic needs no frame count until the end: a stream can make clip {@code k} as soon as
 * frame {@link #lastFrame(int)} has arrived, which is what lets an untrimmed video of any length be
 * cut into these clips in one pass.
 */
public record CentredClips(int clipLen, int clipInterval, int frameInterval) {

    public CentredClips {
        if (clipLen < 1 || clipInterval < 1 || frameInterval < 1) {
            throw new IllegalArgumentException("centred clips need a positive clipLen, clipInterval and frameInterval, got "
                    + clipLen + ", " + clipInterval + ", " + frameInterval);
        }
    }

    /** The frame clip {@code k} is centred on. */
    public long centre(int clip) {
        return clipInterval / 2 + (long) clip * clipInterval;
    }

    /** Clip {@code k}'s first frame before clamping (negative near the video's start). */
    public long firstFrame(int clip) {
        return centre(clip) - (long) (clipLen / 2) * frameInterval;
    }

    /** Clip {@code k}'s last frame before clamping (past the end near the video's end). */
    public long lastFrame(int clip) {
        return firstFrame(clip) + (long) (clipLen - 1) * frameInterval;
    }

    /** Clips in a video of {@code frames} frames: one per centre inside it (none when the first centre is past the end). */
    public int count(long frames) {
        long firstCentre = clipInterval / 2;
        return frames <= firstCentre ? 0 : Math.toIntExact((frames - 1 - firstCentre) / clipInterval + 1);
    }

    /** Clip {@code k}'s frames in a video of {@code frames} frames, clamped into {@code [0, frames)}. */
    public int[] frames(int clip, long frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a video of " + frames + " frames has no clips");
        }
        int[] positions = new int[clipLen];
        long first = firstFrame(clip);
        for (int j = 0; j < clipLen; j++) {
            positions[j] = (int) Math.min(Math.max(first + (long) j * frameInterval, 0), frames - 1);
        }
        return positions;
    }

    /** The frames {@code [start, end)} clip {@code k} stands for in a video of {@code frames} frames. */
    public long[] coverage(int clip, long frames) {
        long start = (long) clip * clipInterval;
        return new long[] {start, Math.min(start + clipInterval, frames)};
    }
}
