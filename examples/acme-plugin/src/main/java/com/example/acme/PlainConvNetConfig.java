package com.example.acme;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * A plain 3D CNN: one stage per entry of {@code widths}, each a 3x3x3 convolution, batch norm,
 * ReLU and a 2x2x2 max pool (the first stage pools space only, as C3D does).
 *
 * @param widths output channels of each stage
 * @param inChannels channels of the input clip
 */
public record PlainConvNetConfig(List<Integer> widths, int inChannels) {

    public static final PlainConvNetConfig DEFAULTS = new PlainConvNetConfig(List.of(32, 64, 128), 3);

    public PlainConvNetConfig {
        ConfigChecks.required("widths", widths);
        if (widths.isEmpty()) {
            throw new ConfigValueException("widths", "needs at least one stage");
        }
        widths = ConfigChecks.positiveList("widths", widths, widths.size());
        ConfigChecks.positive("inChannels", inChannels);
    }
}
