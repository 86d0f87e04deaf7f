package io.action4j.engine.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Windows of {@code windowFrames} frames starting every {@code strideFrames} frames, and what
 * happens at the end of a video of {@code N} frames:
 * <ul>
 *   <li>full windows start at {@code 0, S, 2S, ...} while {@code start + W <= N};</li>
 *   <li>the tail: when frames after the last full window are left uncovered ({@code last + W < N})
 *       and the next stride position is still inside the video ({@code last + S < N}), one more
 *       window ends at the video's end, {@code [N - W, N)}; it overlaps its neighbour more than the
 *       stride does. With {@code S > W} the frames between windows are skipped on purpose, and so
 *       are those after the last window when the next one would start past the end;</li>
 *   <li>a video shorter than a window ({@code 0 < N < W}) gives one window over all of it,
 *       {@code [0, N)}; an empty video gives none.</li>
 * </ul>
 * Frames are counted from 0 (the video's first frame, whatever the reader's start index); ends are
 * exclusive.
 */
public record WindowPlan(int windowFrames, int strideFrames) {

    public WindowPlan {
        if (windowFrames < 1 || strideFrames < 1) {
            throw new IllegalArgumentException("window and stride must be at least one frame, got window "
                    + windowFrames + ", stride " + strideFrames);
        }
    }

    /** Frames {@code [start, end)} of a video. */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a window spans frames [start, end) with 0 <= start < end, got ["
                        + start + ", " + end + ")");
            }
        }

        public int length() {
            return end - start;
        }
    }

    /** Every window over a video of {@code frameCount} frames, in order; the streaming path makes the same ones. */
    public List<Span> over(int frameCount) {
        List<Span> spans = new ArrayList<>();
        int lastFullStart = -1;
        for (long start = 0; start + windowFrames <= frameCount; start += strideFrames) {
            spans.add(new Span((int) start, (int) start + windowFrames));
            lastFullStart = (int) start;
        }
        last(lastFullStart, frameCount).ifPresent(spans::add);
        return List.copyOf(spans);
    }

    /**
     * The window only the video's end decides: the tail after the last full window (which started at
     * {@code lastFullStart}), or the one window of a video shorter than a window
     * ({@code lastFullStart = -1}: no full window fitted).
     */
    Optional<Span> last(int lastFullStart, int frameCount) {
        if (frameCount <= 0) {
            return Optional.empty();
        }
        if (lastFullStart < 0) {
            return Optional.of(new Span(0, frameCount));
        }
        boolean uncovered = (long) lastFullStart + windowFrames < frameCount;
        boolean nextStartsInside = (long) lastFullStart + strideFrames < frameCount;
        return uncovered && nextStartsInside
                ? Optional.of(new Span(frameCount - windowFrames, frameCount))
                : Optional.empty();
    }
}
