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
 * @param keepRgb {@code false} (default): each output frame is the flow's 2 channels; {@code true}: each keeps the
 *                flow's source frame first (its C channels as they came in) and gains the flow's x and y after
 *                them ({@code C + 2}), one input for both streams of {@code two_stream_fusion}, as
 *                {@code rgb_diff}'s {@code keepRgb} gives for differences
 * @param reuseMegabytes flow fields kept for frame pairs seen again (overlapping windows, repeated views), found
 *                       by the frames' content, at most this many megabytes (default 64; 0 computes every pair)
 */
public record OpticalFlowConfig(String method, double bound, boolean storedLevels, FarnebackConfig farneback,
                                TvL1Config tvl1, DisConfig dis, boolean keepRgb,
                                int reuseMegabytes) {

    public static final OpticalFlowConfig DEFAULTS = new OpticalFlowConfig("farneback", 20, true,
            FarnebackConfig.DEFAULTS, TvL1Config.DEFAULTS, DisConfig.DEFAULTS, false, 64);

    public OpticalFlowConfig {
        ConfigChecks.oneOf("method", method, List.of(FarnebackFactory.NAME, TvL1Factory.NAME, DisFactory.NAME));
        ConfigChecks.inRange("bound", bound, 1e-3, 1e4);
        ConfigChecks.required("farneback", farneback);
        ConfigChecks.required("tvl1", tvl1);
        ConfigChecks.required("dis", dis);
        ConfigChecks.inRange("reuseMegabytes", reuseMegabytes, 0, 1 << 20);
    }

    /** This config with {@code method} and the flow as stored levels or pixels, other settings as they are. */
    OpticalFlowConfig with(String otherMethod, boolean levels) {
        return new OpticalFlowConfig(otherMethod, bound, levels, farneback, tvl1, dis, keepRgb, reuseMegabytes);
    }

    /** This config keeping at most {@code megabytes} of flow for reuse, other settings as they are. */
    OpticalFlowConfig reusing(int megabytes) {
        return new OpticalFlowConfig(method, bound, storedLevels, farneback, tvl1, dis, keepRgb, megabytes);
    }

    /** This config with the source frames kept before the flow or not, other settings as they are. */
    OpticalFlowConfig keepingRgb(boolean keep) {
        return new OpticalFlowConfig(method, bound, storedLevels, farneback, tvl1, dis, keep, reuseMegabytes);
    }
}
