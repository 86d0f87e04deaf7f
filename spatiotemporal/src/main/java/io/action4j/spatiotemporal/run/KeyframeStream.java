package io.action4j.spatiotemporal.run;

import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.video.VideoFrame;
import io.action4j.engine.config.KeyframesConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Turns a video's frames, decoded once in order, into its keyframes, each with the frames of the clip
 * centred on it (the config's sampler, e.g. {@code sample_ava_frames}). Keyframes fall at
 * {@code start + k * stride} seconds, on frame {@code round(seconds * fps)}. A frame is kept only while a
 * keyframe still needs it, so the frames held at once are bounded by the clip's span, not by the
 * video's length.
 *
 * <p>The video's end is known only when the stream ends, so keyframes are sampled as if the video went
 * on: a keyframe whose frames all arrive is exact. The clips of the last keyframes, reaching past the
 * end, are sampled again at {@link #finish} with the real frame count: the sampler clamps those frames to
 * the last one, which is always kept. Each keyframe samples (and transforms) with its own generator,
 * seeded from the seed and its number. Not thread-safe.
 */
final class KeyframeStream {

    /** Samples a clip's frames, as the config's sampler does. */
    @FunctionalInterface
    interface Sampler {
        FrameSelection sample(SamplingRequest request, RandomGenerator random);
    }

    /**
     * A keyframe whose clip frames have all arrived.
     *
     * @param index the keyframe's number, from 0
     * @param seconds its time, {@code start + index * stride}
     * @param keyframe the frame at that time
     * @param selection the clip's frame indices
     * @param frames the frames of {@code selection}, in its order
     * @param random the keyframe's generator, after sampling: the transforms go on with it
     */
    record ReadyKeyframe(int index, double seconds, VideoFrame keyframe, FrameSelection selection,
                         List<VideoFrame> frames, RandomGenerator random) {
    }

    /** A frame count no video reaches: the sampler's clamp to the end does nothing while the end is unknown. */
    private static final int UNKNOWN_END = Integer.MAX_VALUE / 4;

    private record Sampled(int index, double seconds, int position, FrameSelection selection, int[] positions,
                           int first, int last, RandomGenerator random) {
    }

    private final KeyframesConfig keyframes;
    private final Sampler sampler;
    private final double fps;
    private final int startIndex;
    private final long seed;
    private final List<Sampled> pending = new ArrayList<>();
    private final Map<Integer, VideoFrame> held = new HashMap<>();
    private final Map<Integer, Integer> wanted = new HashMap<>();
    private Sampled upcoming;
    private VideoFrame lastFrame;
    private int arrived;
    private int maxHeld;
    private boolean finished;

    /**
     * @param startIndex the reader's first frame index: sampled indices include it, positions do not
     */
    KeyframeStream(KeyframesConfig keyframes, Sampler sampler, double fps, int startIndex, long seed) {
        this.keyframes = keyframes;
        this.sampler = sampler;
        this.fps = fps;
        this.startIndex = startIndex;
        this.seed = seed;
        this.upcoming = sample(0, UNKNOWN_END);
    }

    /** Takes the next frame; returns the keyframes it completes, in order. */
    List<ReadyKeyframe> accept(VideoFrame frame) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        int position = arrived++;
        lastFrame = frame;
        while (upcoming.first() <= position) {
            want(upcoming);
            pending.add(upcoming);
            upcoming = sample(upcoming.index() + 1, UNKNOWN_END);
        }
        if (wanted.containsKey(position)) {
            held.put(position, frame);
            maxHeld = Math.max(maxHeld, held.size());
        }
        List<ReadyKeyframe> ready = new ArrayList<>(1);
        for (Iterator<Sampled> it = pending.iterator(); it.hasNext(); ) {
            Sampled keyframe = it.next();
            if (keyframe.last() <= position) {
                ready.add(handOut(keyframe));
                it.remove();
                release(keyframe);
            }
        }
        return ready;
    }

    /**
     * The stream ended after the frames that arrived: the keyframes inside the video whose clips reach
     * past its end, sampled again for its real length; keyframes beyond the end are dropped.
     */
    List<ReadyKeyframe> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        List<ReadyKeyframe> ready = new ArrayList<>();
        for (Sampled keyframe : pending) {
            if (keyframe.position() < arrived) {
                ready.add(handOut(sample(keyframe.index(), arrived)));
            }
        }
        pending.clear();
        held.clear();
        wanted.clear();
        return ready;
    }

    int framesArrived() {
        return arrived;
    }

    /** The most frames held at once so far: bounded by the clips' spans and the keyframe stride. */
    int maxFramesHeld() {
        return maxHeld;
    }

    private Sampled sample(int index, int totalFrames) {
        double seconds = keyframes.start() + index * keyframes.stride();
        int position = (int) Math.round(seconds * fps);
        RandomGenerator random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        FrameSelection selection = sampler.sample(new SamplingRequest(totalFrames, fps, startIndex,
                OptionalInt.of(position)), random);
        int[] positions = selection.indices().clone();
        int first = position;
        int last = position;
        for (int i = 0; i < positions.length; i++) {
            positions[i] -= startIndex;
            first = Math.min(first, positions[i]);
            last = Math.max(last, positions[i]);
        }
        return new Sampled(index, seconds, position, selection, positions, first, last, random);
    }

    private void want(Sampled keyframe) {
        for (int position : distinct(keyframe)) {
            wanted.merge(position, 1, Integer::sum);
        }
    }

    private void release(Sampled keyframe) {
        for (int position : distinct(keyframe)) {
            if (wanted.merge(position, -1, Integer::sum) == 0) {
                wanted.remove(position);
                held.remove(position);
            }
        }
    }

    /** The clip's frames and the keyframe's, each once. */
    private static int[] distinct(Sampled keyframe) {
        return IntStream.concat(Arrays.stream(keyframe.positions()), IntStream.of(keyframe.position())).distinct()
                .toArray();
    }

    private ReadyKeyframe handOut(Sampled keyframe) {
        List<VideoFrame> frames = new ArrayList<>(keyframe.positions().length);
        for (int position : keyframe.positions()) {
            frames.add(frame(position));
        }
        return new ReadyKeyframe(keyframe.index(), keyframe.seconds(), frame(keyframe.position()), keyframe.selection(),
                frames, keyframe.random());
    }

    private VideoFrame frame(int position) {
        VideoFrame frame = held.get(position);
        if (frame == null && position == arrived - 1) {
            frame = lastFrame;
        }
        if (frame == null) {
            throw new IllegalStateException("frame " + position + " was not kept for the keyframe that needs it");
        }
        return frame;
    }
}
