package io.action4j.engine.recognition;

import java.util.List;
import java.util.Objects;

/**
 * One video's class scores, as a line of a {@link PredictionsFile}.
 *
 * @param video the video as the annotation list names it (the path written there)
 * @param scores one score per class, in class-index order
 * @param labels the video's true labels when the writer knew them, else empty; carried through,
 *               never used for scoring (the annotation list is the truth)
 */
public record Prediction(String video, float[] scores, List<Integer> labels) {

    public Prediction {
        Objects.requireNonNull(video, "video");
        scores = scores.clone();
        labels = List.copyOf(labels);
    }

    public Prediction(String video, float[] scores) {
        this(video, scores, List.of());
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }
}
