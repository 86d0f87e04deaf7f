package io.action4j.engine.recognition;

import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import java.util.List;

/**
 * One window's averaged class scores.
 *
 * @param window the window's number in the video, from 0, in time order
 * @param startFrame the window's first frame, counted from 0 (whatever the reader's start index)
 * @param endFrame one past its last frame
 * @param scores the video, the window's span in seconds ({@code frame / fps}) and the scores
 *               (probabilities with {@code averageClips: prob})
 */
public record WindowScores(int window, int startFrame, int endFrame, ClipScores scores) {

    public WindowScores {
        if (window < 0 || startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("window " + window + " of frames [" + startFrame + ", " + endFrame
                    + "): need a window number >= 0 and 0 <= start < end");
        }
    }

    public String source() {
        return scores.source();
    }

    public double startSeconds() {
        return scores.startSeconds();
    }

    public double endSeconds() {
        return scores.endSeconds();
    }

    /** The {@code k} best classes, best first. */
    public List<ClassScore> topK(int k, List<String> labels) {
        return scores.topK(k, labels);
    }
}
