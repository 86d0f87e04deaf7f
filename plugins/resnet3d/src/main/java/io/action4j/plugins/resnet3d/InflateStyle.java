package io.action4j.plugins.resnet3d;

import java.util.Arrays;
import java.util.List;

/**
 * Where an inflated bottleneck block convolves time, MMAction2's {@code inflate_style}; chosen by
 * the {@code inflateStyle} config key. Basic blocks ignore it (both their convolutions inflate).
 */
enum InflateStyle {
    /** {@code 3x1x1}: conv1 is (3, 1, 1), conv2 (1, 3, 3). MMAction2's default, used by its I3D. */
    TEMPORAL_FIRST("3x1x1"),
    /** {@code 3x3x3}: conv1 is (1, 1, 1), conv2 (3, 3, 3), as torchvision's r3d bottleneck. */
    FULL_SECOND("3x3x3");

    static final List<String> CONFIG_VALUES = Arrays.stream(values()).map(style -> style.configValue).toList();

    private final String configValue;

    InflateStyle(String configValue) {
        this.configValue = configValue;
    }

    static InflateStyle fromConfig(String value) {
        for (InflateStyle style : values()) {
            if (style.configValue.equals(value)) {
                return style;
            }
        }
        throw new IllegalArgumentException("unknown inflate style " + value);
    }
}
