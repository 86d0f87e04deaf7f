package io.action4j.api.transform;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * MMAction2's {@code FormatShape} for the recognition layouts.
 *
 * @param inputFormat {@code NCTHW} (default; 3D models) or {@code NCHW} (2D models)
 * @param collapse drop the leading dimension when it is 1 (MMAction2 sets it for detectors)
 * @param modality {@code rgb} (default) or {@code flow}: with NCHW, flow stacks a clip's frames
 *     along channels ({@code [views, clipLen * C, H, W]}), as MMAction2 does
 *
 * <p>Not a component config, so a key left out of a config file arrives as null: it takes the default.
 */
public record FormatShapeConfig(String inputFormat, Boolean collapse, String modality) {

    public static final String NCTHW = "NCTHW";
    public static final String NCHW = "NCHW";

    public static final FormatShapeConfig DEFAULTS = new FormatShapeConfig(NCTHW, false, "rgb");

    public FormatShapeConfig {
        inputFormat = inputFormat == null ? NCTHW : inputFormat;
        collapse = collapse != null && collapse;
        modality = modality == null ? "rgb" : modality;
        ConfigChecks.oneOf("inputFormat", inputFormat, List.of(NCTHW, NCHW));
        ConfigChecks.oneOf("modality", modality, List.of("rgb", "flow"));
    }
}
