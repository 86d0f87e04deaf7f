package io.action4j.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels of a multi-actor dataset and their AVA action ids: the movements ({@code still}
 * included, as the rest between actions) in the config's class order, then the secondary motions,
 * numbered from 1 in that order as AVA numbers its actions.
 */
public final class ActionLabelMap {

    private final List<MotionClass> movements;
    private final List<String> names;

    private ActionLabelMap(List<MotionClass> movements) {
        this.movements = List.copyOf(movements);
        List<String> all = new ArrayList<>();
        movements.forEach(movement -> all.add(movement.id()));
        for (SecondaryMotion secondary : SecondaryMotion.values()) {
            all.add(secondary.id());
        }
        this.names = List.copyOf(all);
    }

    /** The config's classes, with {@code still} appended when they lack it. */
    public static ActionLabelMap of(List<MotionClass> classes) {
        List<MotionClass> movements = new ArrayList<>(classes);
        if (!movements.contains(MotionClass.STILL)) {
            movements.add(MotionClass.STILL);
        }
        return new ActionLabelMap(movements);
    }

    /** Label names in id order: the name of action id {@code i} is at {@code i - 1}. */
    public List<String> names() {
        return names;
    }

    public List<MotionClass> movements() {
        return movements;
    }

    public int id(MotionClass movement) {
        int index = movements.indexOf(movement);
        if (index < 0) {
            throw new IllegalArgumentException(movement + " is not among the labels " + names);
        }
        return index + 1;
    }

    public int id(SecondaryMotion secondary) {
        return movements.size() + secondary.ordinal() + 1;
    }

    /**
     * The label map in AVA's pbtxt format, as MMAction2's AVA configs read it
     * ({@code ava_action_list_v2.2_for_activitynet_2019.pbtxt}): {@code item { name: "..." id: N }}, fields on
     * lines indented by two spaces.
     */
    public String pbtxt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append("item {\n  name: \"").append(names.get(i)).append("\"\n  id: ").append(i + 1).append("\n}\n");
        }
        return text.toString();
    }
}
