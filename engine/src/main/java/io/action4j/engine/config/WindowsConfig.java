package io.action4j.engine.config;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import io.action4j.engine.stream.WindowSpec;

/**
 * How a long video is cut into windows that each become one model input: the snippets a localizer
 * extracts features from. Without windows, a localizer streams the clips of an {@code untrimmed_sample_frames}
 * sampler (MMAction2's {@code UntrimmedSampleFrames}) instead; see {@code engine.stream.Snippets}.
 * Lengths are frames ({@code 16}) or seconds ({@code 0.5s}).
 *
 * @param window each window's length
 * @param stride from one window's start to the next
 */
public record WindowsConfig(String window, String stride) {

    public WindowsConfig {
        ConfigChecks.required("window", window);
        ConfigChecks.required("stride", stride);
        try {
            WindowSpec.parse(window, stride);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(e.getMessage().startsWith("stride") ? "stride" : "window", e.getMessage());
        }
    }

    public WindowSpec spec() {
        return WindowSpec.parse(window, stride);
    }
}
