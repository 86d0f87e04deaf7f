package io.action4j.synth;

/**
 * One action of one actor over frames {@code [startFrame, endFrame)}.
 *
 * @param <A> the kind of action: a {@link MotionClass} (the movement) or a {@link SecondaryMotion}
 */
public record ActionSpan<A>(int startFrame, int endFrame, A action) {

    public ActionSpan {
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("span needs 0 <= start < end, got " + startFrame + ".." + endFrame);
        }
    }

    public boolean contains(int frame) {
        return frame >= startFrame && frame < endFrame;
    }

    public int length() {
        return endFrame - startFrame;
    }
}
