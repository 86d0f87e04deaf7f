package io.action4j.api.metric;

/** Scores for one video and its true labels (one for single-label datasets). */
public record RecognitionSample(String videoId, float[] scores, int[] labels) {

    public RecognitionSample {
        scores = scores.clone();
        labels = labels.clone();
    }
}
