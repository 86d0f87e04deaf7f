package io.action4j.api;

import java.util.Collection;
import java.util.List;

/** Checks for config records' compact constructors; each failure names the key and the value. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static int positive(String key, int value) {
        if (value <= 0) {
            throw new ConfigValueException(key, "must be positive, got " + value);
        }
        return value;
    }

    public static int atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new ConfigValueException(key, "must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    public static double inRange(String key, double value, double minimum, double maximum) {
        if (!(value >= minimum && value <= maximum)) {
            throw new ConfigValueException(key, "must be in [" + minimum + ", " + maximum + "], got " + value);
        }
        return value;
    }

    public static <T> T oneOf(String key, T value, Collection<T> allowed) {
        if (!allowed.contains(value)) {
            throw new ConfigValueException(key, "must be one of " + allowed + ", got " + value);
        }
        return value;
    }

    public static <T> T required(String key, T value) {
        if (value == null) {
            throw new ConfigValueException(key, "is required");
        }
        return value;
    }

    /** A list of exactly {@code size} positive integers, e.g. a (t, h, w) kernel. */
    public static List<Integer> positiveTriple(String key, List<Integer> values) {
        return positiveList(key, values, 3);
    }

    public static List<Integer> positiveList(String key, List<Integer> values, int size) {
        required(key, values);
        if (values.size() != size) {
            throw new ConfigValueException(key, "must have " + size + " values, got " + values);
        }
        for (Integer value : values) {
            if (value == null || value <= 0) {
                throw new ConfigValueException(key, "must hold positive integers, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
