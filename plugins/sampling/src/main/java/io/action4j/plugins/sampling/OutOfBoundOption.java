package io.action4j.plugins.sampling;

import java.util.List;

/** MMAction2's {@code out_of_bound_opt}: what an index at or past the last frame becomes. */
enum OutOfBoundOption {
    /** {@code index mod totalFrames}. */
    LOOP("loop"),
    /** The largest in-range index of the same clip (0 when the clip has none). */
    REPEAT_LAST("repeat_last"),
    /**
     * Refused with the frames the clip needs and the video has (not in MMAction2): for inputs where a looped or
     * repeated frame would be wrong data, such as the flow between a video's last and first frames.
     */
    ERROR("error");

    static final List<String> CONFIG_VALUES = List.of("loop", "repeat_last", "error");

    private final String configValue;

    OutOfBoundOption(String configValue) {
        this.configValue = configValue;
    }

    static OutOfBoundOption fromConfig(String value) {
        for (OutOfBoundOption option : values()) {
            if (option.configValue.equals(value)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown out-of-bound option " + value);
    }
}
