package io.action4j.plugins.transforms;

import io.action4j.api.ConfigValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * MMAction2 v1.2.0's {@code ColorJitter}. Each factor is one value {@code v} (the range
 * {@code [base - v, base + v]}) or an explicit {@code [low, high]} inside
 * {@code [base - max, base + max]}; base is 1 (0 for hue), max is 1 (0.5 for hue).
 *
 * @param brightness default [0.5], i.e. [0.5, 1.5]
 * @param contrast default [0.5]
 * @param saturation default [0.5]
 * @param hue default [0.1], i.e. [-0.1, 0.1]
 * @param order the order the four adjustments run in, a permutation of 0 = brightness,
 *     1 = contrast, 2 = saturation, 3 = hue. MMAction2 draws it once when the transform is built
 *     ({@code np.random.permutation(4)}) and keeps it for the run; null (the default) draws it
 *     on every call from that call's generator, so calls stay reproducible; set it to fix one order.
 */
public record ColorJitterConfig(List<Double> brightness, List<Double> contrast, List<Double> saturation,
                                List<Double> hue, List<Integer> order) {

    public static final ColorJitterConfig DEFAULTS =
            new ColorJitterConfig(List.of(0.5), List.of(0.5), List.of(0.5), List.of(0.1), null);

    public ColorJitterConfig {
        brightness = checkRange("brightness", brightness, 1, 1);
        contrast = checkRange("contrast", contrast, 1, 1);
        saturation = checkRange("saturation", saturation, 1, 1);
        hue = checkRange("hue", hue, 0.5, 0);
        if (order != null) {
            if (order.size() != 4 || !new HashSet<>(order).equals(new HashSet<>(List.of(0, 1, 2, 3)))) {
                throw new ConfigValueException("order", "must be a permutation of [0, 1, 2, 3], got " + order);
            }
            order = List.copyOf(order);
        }
    }

    /** MMAction2's {@code check_input}; returns the range as {@code [low, high]}. */
    private static List<Double> checkRange(String key, List<Double> values, double max, double base) {
        if (values == null || values.isEmpty() || values.size() > 2 || values.stream().anyMatch(Objects::isNull)) {
            throw new ConfigValueException(key, "must be one value or [low, high], got " + values);
        }
        if (values.size() == 1) {
            double value = values.get(0);
            if (!(value >= 0 && value <= max)) {
                throw new ConfigValueException(key, "must be in [0, " + max + "], got " + value);
            }
            return List.of(base - value, base + value);
        }
        double low = values.get(0);
        double high = values.get(1);
        if (!(base - max <= low && low <= high && high <= base + max)) {
            throw new ConfigValueException(key, "must satisfy " + (base - max) + " <= low <= high <= " + (base + max)
                    + ", got " + values);
        }
        return List.copyOf(values);
    }
}
