package io.action4j.plugins.flow;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * Config of the {@code optical_flow} transform: flow computed from decoded frames inside the data pipeline, so
 * that a flow model runs on a raw video with no extraction pass. The chosen method's parameters are those of its
 * estimator; a config sets only the keys it changes ({@code tvl1: {warps: 3}}), the rest keep their defaults.
 *
 * @param method {@code farneback}, {@code tvl1} or {@code dis}
 * @param bound displacements clipped to {@code [-bound, bound]} pixels (TSN: 20)
 * @param storedLevels true: each value is the 0..255 level a stored flow JPEG holds (no motion 128), what the
 *                     {@code rawframes} reader gives for a flow folder, so the same normalisation (MMAction2's
 *                     mean 128, std 128) applies; false: displacements in pixels, clipped
 * @param farneback the parameters when {@code method} is {@code farneback}
 * @param tvl1 the parameters when {@code method} is {@code tvl1}
 * @param dis the parameters when {@code method} is {@code dis}
 */
public record OpticalFlowConfig(String method, double bound, boolean storedLevels, FarnebackConfig farneback,
                                TvL1Config tvl1, DisConfig dis) {

    public static final OpticalFlowConfig DEFAULTS = new OpticalFlowConfig("farneback", 20, true,
            FarnebackConfig.DEFAULTS, TvL1Config.DEFAULTS, DisConfig.DEFAULTS);

    public OpticalFlowConfig {
        ConfigChecks.oneOf("method", method, List.of(FarnebackFactory.NAME, TvL1Factory.NAME, DisFactory.NAME));
        ConfigChecks.inRange("bound", bound, 1e-3, 1e4);
        ConfigChecks.required("farneback", farneback);
        ConfigChecks.required("tvl1", tvl1);
        ConfigChecks.required("dis", dis);
    }

    /** This config with {@code method} and the flow as stored levels or pixels, other settings as they are. */
    OpticalFlowConfig with(String otherMethod, boolean levels) {
        return new OpticalFlowConfig(otherMethod, bound, levels, farneback, tvl1, dis);
    }
}
