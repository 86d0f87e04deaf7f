package io.action4j.spatiotemporal.run;

import io.action4j.spatiotemporal.ava.AvaLabel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a detection head's actions: from an AVA label map, whose ids must be among the head's
 * classes (1 .. numClasses - 1; 0 is the background), or {@code action N} without one.
 */
public final class ActionLabels {

    private final Map<Integer, String> names;

    private ActionLabels(Map<Integer, String> names) {
        this.names = Map.copyOf(names);
    }

    /** No label map: every action is called by its id. */
    public static ActionLabels unnamed() {
        return new ActionLabels(Map.of());
    }

    /**
     * @param file the label map's file, for messages
     * @throws IllegalArgumentException naming the file when an id is not one of the head's classes
     */
    public static ActionLabels of(Path file, List<AvaLabel> labels, int numClasses) {
        Map<Integer, String> names = new HashMap<>();
        for (AvaLabel label : labels) {
            if (label.id() < 1 || label.id() >= numClasses) {
                throw new IllegalArgumentException(file + ": label '" + label.name() + "' has id " + label.id()
                        + ", but the model's head scores ids 1 to " + (numClasses - 1) + " (numClasses " + numClasses
                        + ", 0 is the background); use the label map the model was trained with");
            }
            names.put(label.id(), label.name());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(file + ": the label map names no action");
        }
        return new ActionLabels(names);
    }

    public String name(int actionId) {
        return names.getOrDefault(actionId, "action " + actionId);
    }

    /** Whether a label map named the actions (only its ids are reported then). */
    public boolean named() {
        return !names.isEmpty();
    }

    public boolean contains(int actionId) {
        return names.isEmpty() || names.containsKey(actionId);
    }
}
