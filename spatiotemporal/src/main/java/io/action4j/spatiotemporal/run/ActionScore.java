package io.action4j.spatiotemporal.run;

/**
 * How sure the model is that a person does an action.
 *
 * @param actionId the action's id, as in the label map
 * @param label its name ({@code action N} without a label map)
 * @param score the multi-label sigmoid score, 0..1
 */
public record ActionScore(int actionId, String label, float score) {
}
