package io.action4j.engine.stream;

import io.action4j.api.sampling.CentredClips;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.video.VideoFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a video's frames, decoded once in order, into {@link CentredClips} (MMAction2's
 * {@code UntrimmedSampleFrames}) one clip at a time, with the frames the sampler would pick over the
 * whole video: clip {@code k} is handed out once its last frame and the last frame it stands for have
 * arrived (only then is it known whether the video goes on past them); the stream's end clamps the
 * clips still open into the video, as the whole-video sampler does with the frame count.
 *
 * <p>A video too short to hold one centre gives MMAction2 no clip; here it gives one, clip 0 clamped
 * into the frames there are, so a task can pad it or refuse it by its own rule.
 *
 * <p>Frames held at once: those of the clips not yet handed out that have arrived, plus the latest
 * frame (the clamp's target at the end): bounded by one clip's span and interval, not by the video.
 * Not thread-safe.
 */
final class CentredClipStream implements FrameStream {

    private final CentredClips clips;
    private final int startIndex;
    private final long seed;
    private final Map<Integer, VideoFrame> held = new HashMap<>();
    private VideoFrame latest;
    private int arrived;
    private int next;
    private int maxHeld;
    private boolean finished;

    /** @param startIndex the reader's first frame index: selections include it, frame positions do not */
    CentredClipStream(CentredClips clips, int startIndex, long seed) {
        this.clips = clips;
        this.startIndex = startIndex;
        this.seed = seed;
    }

    /** Takes the next frame of the video; returns the clips it completes, in order. */
    @Override
    public List<WindowStream.ReadyWindow> accept(VideoFrame frame) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        int position = arrived++;
        latest = frame;
        if (wanted(position)) {
            held.put(position, frame);
        }
        maxHeld = Math.max(maxHeld, held.size() + 1);
        List<WindowStream.ReadyWindow> ready = new ArrayList<>(1);
        while (clips.lastFrame(next) <= position && clips.coverage(next, Long.MAX_VALUE)[1] - 1 <= position) {
            ready.add(handOut());
        }
        return ready;
    }

    /** {@link #finish()}: every frame a clip takes was kept, so nothing is read again. */
    @Override
    public List<WindowStream.ReadyWindow> finish(WindowStream.RandomAccess video) {
        return finish();
    }

    /** The stream ended: the clips whose centres arrived, clamped into the video (or clip 0 alone, clamped, when none did). */
    List<WindowStream.ReadyWindow> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        List<WindowStream.ReadyWindow> ready = new ArrayList<>();
        if (arrived > 0) {
            int last = Math.max(clips.count(arrived), 1);
            while (next < last) {
                ready.add(handOut());
            }
        }
        held.clear();
        latest = null;
        return ready;
    }

    @Override
    public int framesArrived() {
        return arrived;
    }

    /** Frames held now (the latest frame included). */
    int framesHeld() {
        return held.size() + (latest == null ? 0 : 1);
    }

    /** The most frames held at once so far: bounded by the clips' arithmetic, whatever the video's length. */
    @Override
    public int maxFramesHeld() {
        return maxHeld;
    }

    @Override
    public int framesReadAgain() {
        return 0;
    }

    /**
     * Whether a clip not yet handed out takes this frame: one whose unclamped frames, {@code frameInterval}
     * apart, include it, or frame 0 for a clip that starts before the video.
     */
    private boolean wanted(int position) {
        for (int clip = next; clips.firstFrame(clip) <= position; clip++) {
            long offset = position - clips.firstFrame(clip);
            if (position == 0 || offset % clips.frameInterval() == 0 && position <= clips.lastFrame(clip)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands out clip {@code next}, clamped into the frames that have arrived (all the video has, at the end),
     * and drops what no later clip takes.
     */
    private WindowStream.ReadyWindow handOut() {
        int clip = next++;
        int[] positions = clips.frames(clip, arrived);
        List<VideoFrame> chosen = new ArrayList<>(positions.length);
        int[] indices = new int[positions.length];
        for (int j = 0; j < positions.length; j++) {
            VideoFrame frame = positions[j] == arrived - 1 ? latest : held.get(positions[j]);
            if (frame == null) {
                throw new IllegalStateException("frame " + positions[j] + " of clip " + clip + " was not kept");
            }
            chosen.add(frame);
            indices[j] = positions[j] + startIndex;
        }
        long[] coverage = clips.coverage(clip, arrived);
        long firstKept = Math.max(clips.firstFrame(next), 0);
        held.keySet().removeIf(position -> position < firstKept);
        return new WindowStream.ReadyWindow(clip, new WindowPlan.Span((int) coverage[0], (int) coverage[1]),
                new FrameSelection(indices, positions.length, 1), chosen, new SplittableRandom(seed));
    }
}
