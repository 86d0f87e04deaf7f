package io.action4j.api.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Class scores for one video or one window of it.
 *
 * @param source the video (file name or id)
 * @param startSeconds start of the span the scores cover
 * @param endSeconds end of that span
 * @param scores one score per class (probabilities or logits, as the producer states)
 */
public record ClipScores(String source, double startSeconds, double endSeconds, float[] scores) {

    public ClipScores {
        if (scores.length == 0 || endSeconds < startSeconds) {
            throw new IllegalArgumentException("clip scores for " + source + ": need scores and start <= end");
        }
        scores = scores.clone();
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }

    /** The {@code k} best classes, best first; equal scores keep the lower index first. */
    public List<ClassScore> topK(int k, List<String> labels) {
        List<ClassScore> ranked = new ArrayList<>();
        IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k)
                .forEach(i -> ranked.add(new ClassScore(i, i < labels.size() ? labels.get(i) : Integer.toString(i), scores[i])));
        return List.copyOf(ranked);
    }
}
