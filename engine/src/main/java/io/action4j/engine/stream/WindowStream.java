package io.action4j.engine.stream;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Turns a video's frames, decoded once in order, into the windows of a {@link WindowPlan}, each with
 * the frames its sampled indices name; a frame is kept only while a window still needs it.
 *
 * <p>Inside a window the sampler samples exactly as for a whole video of the window's length (a
 * fresh generator seeded with {@code seed} per window, so a window gives what recognising its
 * frames alone would give). A full window is handed out when its last frame arrives: only then is it
 * known to fit in the video. The last window (the tail, or the one window of a video shorter than a
 * window) depends on where the stream ends, which only {@link #finish} knows. Its frames are kept as
 * they pass for the end the metadata announces; when the stream ends elsewhere (a cut file, a count
 * that was an estimate) the frames it needs that were not kept are read again by random access.
 *
 * <p>Frames held at once: those sampled by the windows that have started and not ended (at most
 * {@code ceil(W / S)} windows) and by the expected last window: bounded by the sampling, not by the
 * video's length. Not thread-safe.
 */
final class WindowStream implements FrameStream {

    /** A window whose frames have all arrived, ready for the transforms and the model. */
    record ReadyWindow(int index, WindowPlan.Span span, FrameSelection selection, List<VideoFrame> frames,
                       RandomGenerator random) {
    }

    /** Random access to frames by index, for a last window the stream's end moved. */
    @FunctionalInterface
    interface RandomAccess {
        List<VideoFrame> read(int[] indices) throws VideoException;
    }

    /** A window that has been sampled; {@code positions} are its sampled frames, counted from 0. */
    private record Sampled(WindowPlan.Span span, FrameSelection selection, int[] positions, RandomGenerator random) {
    }

    private final WindowPlan plan;
    private final ClipSampler sampler;
    private final double fps;
    private final int startIndex;
    private final long seed;
    /** The last window if the video has as many frames as its metadata says; empty if it has none. */
    private final Optional<Sampled> expectedLast;
    private final Map<Integer, VideoFrame> held = new HashMap<>();
    /** Frame position -> how many windows (started, or the expected last) sampled it. */
    private final Map<Integer, Integer> wanted = new HashMap<>();
    private final ArrayDeque<Sampled> started = new ArrayDeque<>();
    private int arrived;
    private long nextStart;
    private int lastFullStart = -1;
    private int handedOut;
    private int maxHeld;
    private int readAgain;
    private boolean finished;

    /**
     * @param sampler the config's sampler (it sees one window as a whole video)
     * @param startIndex the reader's first frame index: sampled indices include it, frame positions do not
     * @param expectedFrames the frame count the metadata announces: only a hint, the stream's end decides
     */
    WindowStream(WindowPlan plan, ClipSampler sampler, double fps, int startIndex, long seed, int expectedFrames) {
        this.plan = plan;
        this.sampler = sampler;
        this.fps = fps;
        this.startIndex = startIndex;
        this.seed = seed;
        this.expectedLast = lastWindow(plan, expectedFrames).map(this::sample);
        expectedLast.ifPresent(this::want);
    }

    /** Takes the next frame of the video; returns the windows it completes (none or one). */
    @Override
    public List<ReadyWindow> accept(VideoFrame frame) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        int position = arrived++;
        if (position == nextStart) {
            Sampled window = sample(new WindowPlan.Span(position, position + plan.windowFrames()));
            want(window);
            started.addLast(window);
            nextStart += plan.strideFrames();
        }
        if (wanted.containsKey(position)) {
            held.put(position, frame);
            maxHeld = Math.max(maxHeld, held.size());
        }
        List<ReadyWindow> ready = new ArrayList<>(1);
        while (!started.isEmpty() && started.peekFirst().span().end() - 1 == position) {
            Sampled window = started.pollFirst();
            lastFullStart = window.span().start();
            ready.add(handOut(window, frames(window)));
            release(window);
        }
        return ready;
    }

    /**
     * The stream ended: windows still waiting for frames did not fit; returns the tail window or the
     * one window of a video shorter than a window, if the plan has one for the frames that arrived.
     *
     * @param video reads the last window's frames that were not kept (the stream ended elsewhere than announced)
     */
    @Override
    public List<ReadyWindow> finish(RandomAccess video) throws VideoException {
        if (finished) {
            return List.of();
        }
        finished = true;
        started.clear();
        Optional<WindowPlan.Span> last = plan.last(lastFullStart, arrived);
        List<ReadyWindow> ready = new ArrayList<>(1);
        if (last.isPresent()) {
            Sampled window = expectedLast.filter(expected -> expected.span().equals(last.get()))
                    .orElseGet(() -> sample(last.get()));
            List<VideoFrame> frames = new ArrayList<>(window.positions().length);
            List<Integer> missing = new ArrayList<>();
            for (int position : window.positions()) {
                VideoFrame frame = held.get(position);
                frames.add(frame);
                if (frame == null) {
                    missing.add(position);
                }
            }
            if (!missing.isEmpty()) {
                fillIn(frames, window.positions(), video.read(missing.stream().mapToInt(p -> p + startIndex).toArray()));
                readAgain = missing.size();
            }
            ready.add(handOut(window, frames));
        }
        held.clear();
        wanted.clear();
        return ready;
    }

    @Override
    public int framesArrived() {
        return arrived;
    }

    /** Frames held now. */
    int framesHeld() {
        return held.size();
    }

    /** The most frames held at once so far: bounded by the sampling, whatever the video's length. */
    @Override
    public int maxFramesHeld() {
        return maxHeld;
    }

    /** Frames the last window read again by random access because the stream ended elsewhere than announced. */
    @Override
    public int framesReadAgain() {
        return readAgain;
    }

    /** The last window of a video of {@code frames} frames, if it has one. */
    private static Optional<WindowPlan.Span> lastWindow(WindowPlan plan, int frames) {
        int lastFullStart = frames >= plan.windowFrames()
                ? (frames - plan.windowFrames()) / plan.strideFrames() * plan.strideFrames() : -1;
        return plan.last(lastFullStart, frames);
    }

    /** The sampler on a window as a whole video of its length, with the window's own seeded generator. */
    private Sampled sample(WindowPlan.Span span) {
        RandomGenerator random = new SplittableRandom(seed);
        FrameSelection selection = sampler.sample(
                new SamplingRequest(span.length(), fps, startIndex + span.start(), OptionalInt.empty()), random);
        int[] positions = selection.indices();
        for (int i = 0; i < positions.length; i++) {
            positions[i] -= startIndex;
            if (positions[i] < span.start() || positions[i] >= span.end()) {
                throw new IllegalArgumentException("the sampler picked frame " + positions[i] + " for a window of frames ["
                        + span.start() + ", " + span.end() + "): a sampler must keep to the frames it is given");
            }
        }
        return new Sampled(span, selection, positions, random);
    }

    private void want(Sampled window) {
        for (int position : window.positions()) {
            wanted.merge(position, 1, Integer::sum);
        }
    }

    /** The window no longer needs its frames: those no other window wants are dropped. */
    private void release(Sampled window) {
        for (int position : window.positions()) {
            if (wanted.computeIfPresent(position, (key, count) -> count == 1 ? null : count - 1) == null) {
                held.remove(position);
            }
        }
    }

    private List<VideoFrame> frames(Sampled window) {
        List<VideoFrame> frames = new ArrayList<>(window.positions().length);
        for (int position : window.positions()) {
            frames.add(held.get(position));
        }
        return frames;
    }

    /** Puts the frames read again into the gaps, in order (a repeated index is read once per gap). */
    private static void fillIn(List<VideoFrame> frames, int[] positions, List<VideoFrame> read) {
        int next = 0;
        for (int i = 0; i < positions.length; i++) {
            if (frames.get(i) == null) {
                frames.set(i, read.get(next++));
            }
        }
    }

    private ReadyWindow handOut(Sampled window, List<VideoFrame> frames) {
        return new ReadyWindow(handedOut++, window.span(), window.selection(), frames, window.random());
    }
}
