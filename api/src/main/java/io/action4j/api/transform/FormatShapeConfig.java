package io.action4j.api.transform;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code FormatShape} for the recognition layouts.
 *
 * @param inputFormat {@code NCTHW} (default; 3D models) or {@code NCHW} (2D models)
 * @param collapse drop the leading dimension when it is 1 (MMAction2 sets it for detectors)
 * @param modality {@code rgb} (default) or {@code flow}: with NCHW, flow stacks a clip's frames
 *     along channels ({@code [views, clipLen * C, H, W]}), as MMAction2 does
 *
 * @param clipsOnTime NCTHW only: lay a sample's clips one after another along time, one view per
 *     crop ({@code [numCrops, C, numClips * clipLen, H, W]}), for 2D models that take their segments
 *     on the time axis (TSN, TSM) and train with segment consensus
 *
 * <p>Not a component config, so a key left out of a config file arrives as null: it takes the default.
 */
public record FormatShapeConfig(String inputFormat, Boolean collapse, String modality, Boolean clipsOnTime) {

    public static final String NCTHW = "NCTHW";
    public static final String NCHW = "NCHW";

    public static final FormatShapeConfig DEFAULTS = new FormatShapeConfig(NCTHW, false, "rgb", false);

    public FormatShapeConfig(String inputFormat, Boolean collapse, String modality) {
        this(inputFormat, collapse, modality, false);
    }

    public FormatShapeConfig {
        inputFormat = inputFormat == null ? NCTHW : inputFormat;
        collapse = collapse != null && collapse;
        modality = modality == null ? "rgb" : modality;
        clipsOnTime = clipsOnTime != null && clipsOnTime;
        ConfigChecks.oneOf("inputFormat", inputFormat, List.of(NCTHW, NCHW));
        ConfigChecks.oneOf("modality", modality, List.of("rgb", "flow"));
        if (clipsOnTime && !inputFormat.equals(NCTHW)) {
            throw new ConfigValueException("clipsOnTime", "needs inputFormat " + NCTHW + ", got " + inputFormat);
        }
    }
}
