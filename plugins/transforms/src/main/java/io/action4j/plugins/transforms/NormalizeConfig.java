package io.action4j.plugins.transforms;

import io.action4j.api.ConfigValueException;
import java.util.List;
import java.util.Objects;

/**
 * Per-channel normalisation, what MMAction2 v1.2.0 does in {@code ActionDataPreprocessor}
 * ({@code (x - mean) / std} in float32); MMAction2 0.x called it the {@code Normalize} transform.
 *
 * @param mean per channel; default ImageNet's [123.675, 116.28, 103.53] (flow configs use [128, 128])
 * @param std per channel, positive; default [58.395, 57.12, 57.375] (flow: [128, 128])
 * @param toRgb reverse the channel order first (MMAction2's {@code to_rgb}: BGR to RGB). Frames
 *     here are already decoded as RGB, so keep it false (the default) unless the frames were
 *     produced in BGR; with 3 channels true swaps channels 0 and 2, mean and std then apply to
 *     the swapped order, exactly as in MMAction2.
 */
public record NormalizeConfig(List<Double> mean, List<Double> std, boolean toRgb) {

    public static final NormalizeConfig DEFAULTS = new NormalizeConfig(
            List.of(123.675, 116.28, 103.53), List.of(58.395, 57.12, 57.375), false);

    public NormalizeConfig {
        if (mean == null || mean.isEmpty() || mean.stream().anyMatch(Objects::isNull)) {
            throw new ConfigValueException("mean", "must hold one value per channel, got " + mean);
        }
        if (std == null || std.size() != mean.size() || std.stream().anyMatch(s -> s == null || !(s > 0))) {
            throw new ConfigValueException("std", "must hold one positive value per channel (" + mean.size()
                    + "), got " + std);
        }
        if (toRgb && mean.size() != 3) {
            throw new ConfigValueException("toRgb", "needs 3 channels, mean has " + mean.size());
        }
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }
}
