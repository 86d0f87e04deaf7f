package io.action4j.plugins.flow;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * Config of the {@code optical_flow} transform: flow computed from decoded frames inside the data pipeline, so
 * that a flow model runs on a raw video with no extraction pass.
 *
 * @param method {@code farneback}, {@code tvl1} or {@code dis}, with their default parameters (configs/flow/)
 * @param disPreset DIS's preset when {@code method} is {@code dis}
 * @param bound displacements clipped to {@code [-bound, bound]} pixels (TSN: 20)
 * @param storedLevels true: each value is the 0..255 level a stored flow JPEG holds (no motion 128), what the
 *                     {@code rawframes} reader gives for a flow folder, so the same normalisation (MMAction2's
 *                     mean 128, std 128) applies; false: displacements in pixels, clipped
 */
public record OpticalFlowConfig(String method, String disPreset, double bound, boolean storedLevels) {

    public static final OpticalFlowConfig DEFAULTS = new OpticalFlowConfig("farneback", "fast", 20, true);

    public OpticalFlowConfig {
        ConfigChecks.oneOf("method", method, List.of("farneback", "tvl1", "dis"));
        ConfigChecks.oneOf("disPreset", disPreset, DisConfig.PRESETS);
        ConfigChecks.inRange("bound", bound, 1e-3, 1e4);
    }
}
