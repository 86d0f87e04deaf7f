package io.action4j.plugins.transforms;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code Flip}.
 *
 * @param flipRatio probability of flipping; default 0.5
 * @param direction {@code horizontal} (default) or {@code vertical}
 * @param modality {@code rgb} (default) or {@code flow}. MMAction2 reads {@code results['modality']};
 *     a {@link io.action4j.api.transform.Clip} carries no modality, so the pipeline config says it.
 *     With {@code flow} a flip also inverts the x component ({@code 255 - v}): channel 0 of
 *     2-channel frames, or every even-indexed frame of 1-channel frames (MMAction2's x, y, x, y ...
 *     frame list). Flow allows only the horizontal direction.
 */
public record FlipConfig(double flipRatio, String direction, String modality) {

    public static final String HORIZONTAL = "horizontal";
    public static final String VERTICAL = "vertical";
    public static final String RGB = "rgb";
    public static final String FLOW = "flow";

    public static final FlipConfig DEFAULTS = new FlipConfig(0.5, HORIZONTAL, RGB);

    public FlipConfig {
        ConfigChecks.inRange("flipRatio", flipRatio, 0, 1);
        ConfigChecks.oneOf("direction", ConfigChecks.required("direction", direction), List.of(HORIZONTAL, VERTICAL));
        ConfigChecks.oneOf("modality", ConfigChecks.required("modality", modality), List.of(RGB, FLOW));
        if (FLOW.equals(modality) && !HORIZONTAL.equals(direction)) {
            throw new ConfigValueException("direction", "must be horizontal for flow, got " + direction);
        }
    }
}
