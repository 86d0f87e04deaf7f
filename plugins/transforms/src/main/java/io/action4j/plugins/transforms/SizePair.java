package io.action4j.plugins.transforms;

import io.action4j.api.ConfigValueException;
import java.util.List;

/** A {@code (width, height)} pair given as one value (square, like torch's {@code _pair}) or two. */
record SizePair(int width, int height) {

    /** Checks a config list of one or two positive integers; returns it as an immutable list. */
    static List<Integer> check(String key, List<Integer> values) {
        if (values == null || values.isEmpty() || values.size() > 2) {
            throw new ConfigValueException(key, "must hold one value (square) or two values [w, h], got " + values);
        }
        for (Integer value : values) {
            if (value == null || value <= 0) {
                throw new ConfigValueException(key, "must hold positive integers, got " + values);
            }
        }
        return List.copyOf(values);
    }

    static SizePair of(List<Integer> values) {
        return new SizePair(values.get(0), values.get(values.size() - 1));
    }
}
