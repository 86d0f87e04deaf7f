package io.action4j.spatiotemporal.metric;

import java.util.ArrayList;
import java.util.List;

/** The scored true/false-positive decisions of one class, in the order the frames produced them. */
final class ClassDetections {

    private final List<Float> scores = new ArrayList<>();
    private final List<Boolean> truePositives = new ArrayList<>();

    void add(float score, boolean truePositive) {
        scores.add(score);
        truePositives.add(truePositive);
    }

    int size() {
        return scores.size();
    }

    float score(int index) {
        return scores.get(index);
    }

    boolean truePositive(int index) {
        return truePositives.get(index);
    }
}
