package io.action4j.plugins.csn;

import java.util.Arrays;
import java.util.List;

/** How a CSN bottleneck replaces the 3x3x3 convolution, MMAction2's {@code bottleneck_mode}. */
enum BottleneckMode {
    /** {@code ir}, interaction-reduced: a depthwise 3x3x3 convolution only ({@code conv2.0}). */
    INTERACTION_REDUCED("ir"),
    /**
     * {@code ip}, interaction-preserved: a 1x1x1 convolution with batch norm and no activation
     * ({@code conv2.0}), then the depthwise 3x3x3 one ({@code conv2.1}).
     */
    INTERACTION_PRESERVED("ip");

    static final List<String> CONFIG_VALUES = Arrays.stream(values()).map(mode -> mode.configValue).toList();

    private final String configValue;

    BottleneckMode(String configValue) {
        this.configValue = configValue;
    }

    static BottleneckMode fromConfig(String value) {
        for (BottleneckMode mode : values()) {
            if (mode.configValue.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown bottleneck mode " + value);
    }
}
