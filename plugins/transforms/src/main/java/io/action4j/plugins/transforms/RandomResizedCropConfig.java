package io.action4j.plugins.transforms;

import io.action4j.api.ConfigValueException;
import java.util.List;
import java.util.Objects;

/**
 * MMAction2's {@code RandomResizedCrop} (it only crops; a {@code resize} follows in pipelines).
 *
 * @param areaRange {@code [min, max]} share of the frame area, {@code 0 < min <= max <= 1}; default [0.08, 1.0]
 * @param aspectRatioRange {@code [min, max]} of crop w / h, {@code 0 < min <= max}; default [3/4, 4/3]
 */
public record RandomResizedCropConfig(List<Double> areaRange, List<Double> aspectRatioRange) {

    public static final RandomResizedCropConfig DEFAULTS =
            new RandomResizedCropConfig(List.of(0.08, 1.0), List.of(3.0 / 4.0, 4.0 / 3.0));

    public RandomResizedCropConfig {
        areaRange = range("areaRange", areaRange);
        if (!(areaRange.get(0) > 0 && areaRange.get(1) <= 1)) {
            throw new ConfigValueException("areaRange", "must satisfy 0 < min <= max <= 1, got " + areaRange);
        }
        aspectRatioRange = range("aspectRatioRange", aspectRatioRange);
        if (!(aspectRatioRange.get(0) > 0)) {
            throw new ConfigValueException("aspectRatioRange", "must satisfy 0 < min <= max, got " + aspectRatioRange);
        }
    }

    private static List<Double> range(String key, List<Double> values) {
        if (values == null || values.size() != 2 || values.stream().anyMatch(Objects::isNull) || !(values.get(0) <= values.get(1))) {
            throw new ConfigValueException(key, "must be [min, max] with min <= max, got " + values);
        }
        return List.copyOf(values);
    }
}
