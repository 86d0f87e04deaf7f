package io.action4j.synth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.action4j.api.ConfigValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the object does over a video. Each class moves exactly one of the object's four quantities
 * (x, y, angle, log scale), or none ({@link #STILL}); which one is the label. Angles are measured
 * counter-clockwise as seen on the screen.
 */
public enum MotionClass {
    MOVE_LEFT(Quantity.X, -1),
    MOVE_RIGHT(Quantity.X, +1),
    MOVE_UP(Quantity.Y, -1),
    MOVE_DOWN(Quantity.Y, +1),
    ROTATE_CW(Quantity.ANGLE, -1),
    ROTATE_CCW(Quantity.ANGLE, +1),
    GROW(Quantity.SCALE, +1),
    SHRINK(Quantity.SCALE, -1),
    STILL(null, 0);

    /** The object's quantities a class can change; Y grows downwards (image rows). */
    enum Quantity { X, Y, ANGLE, SCALE }

    /** Named class sets, for {@code --classes NAME}. */
    private static final Map<String, Set<MotionClass>> SETS = Map.of(
            "all", EnumSet.allOf(MotionClass.class),
            "translation", EnumSet.of(MOVE_LEFT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN),
            "rotation", EnumSet.of(ROTATE_CW, ROTATE_CCW),
            "scale", EnumSet.of(GROW, SHRINK, STILL),
            "horizontal", EnumSet.of(MOVE_LEFT, MOVE_RIGHT));

    private final Quantity moving;
    private final int direction;

    MotionClass(Quantity moving, int direction) {
        this.moving = moving;
        this.direction = direction;
    }

    /** The name used in file names, {@code classes.txt} and {@code synth.json}, e.g. {@code move_left}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The quantity this class changes, or null for {@link #STILL}. */
    Quantity moving() {
        return moving;
    }

    /** +1 when the quantity increases over the video, -1 when it decreases, 0 for {@link #STILL}. */
    int direction() {
        return direction;
    }

    /** @throws ConfigValueException with key {@code classes} naming the unknown class and the known ones */
    @JsonCreator
    public static MotionClass byId(String id) {
        for (MotionClass motion : values()) {
            if (motion.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return motion;
            }
        }
        throw new ConfigValueException("classes", "unknown class '" + id.strip() + "'; known: " + ids(List.of(values())));
    }

    /**
     * Comma-separated class ids in label order ({@code move_left,move_right}), or one set name:
     * {@code all} (every class), {@code translation}, {@code rotation}, {@code scale} (grow, shrink,
     * still) or {@code horizontal} (left, right).
     */
    public static List<MotionClass> parseList(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (SETS.containsKey(trimmed)) {
            return List.copyOf(SETS.get(trimmed));
        }
        List<MotionClass> classes = new ArrayList<>();
        for (String id : trimmed.split(",")) {
            if (id.isBlank()) {
                throw new ConfigValueException("classes", "empty class name in '" + text + "'");
            }
            classes.add(byId(id));
        }
        return classes;
    }

    /** Set names accepted by {@link #parseList}. */
    public static Set<String> setNames() {
        return Set.copyOf(SETS.keySet());
    }

    static String ids(List<MotionClass> classes) {
        return classes.stream().map(MotionClass::id).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return id();
    }

    static List<MotionClass> all() {
        return Arrays.asList(values());
    }
}
