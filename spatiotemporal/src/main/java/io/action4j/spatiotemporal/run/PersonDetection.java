package io.action4j.spatiotemporal.run;

import io.action4j.api.detection.NormalizedBox;
import java.util.List;

/**
 * One person on one keyframe.
 *
 * @param trackId the person's track: the same id on every keyframe the tracker links them over
 * @param box where, as fractions of the frame
 * @param boxScore how sure the box source is that this is a person
 * @param actions every action the head scores, best first
 */
public record PersonDetection(int trackId, NormalizedBox box, float boxScore, List<ActionScore> actions) {

    public PersonDetection {
        actions = List.copyOf(actions);
    }

    /** The actions scoring at least {@code threshold}, best first. */
    public List<ActionScore> actionsAbove(double threshold) {
        return actions.stream().filter(action -> action.score() >= threshold).toList();
    }
}
