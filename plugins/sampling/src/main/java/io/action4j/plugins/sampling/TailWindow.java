package io.action4j.plugins.sampling;

import java.util.List;

/** What {@link SlidingWindowsSampler} does with the frames after the last full window. */
enum TailWindow {
    /** One more window at the next stride position, frames past the end repeating the last frame. */
    PAD("pad"),
    /** Nothing: the tail frames are not sampled (unless no full window fits; then {@link #PAD}). */
    DROP("drop"),
    /** One more full window ending at the last frame (it overlaps its neighbour more than the stride). */
    SHIFT("shift");

    static final List<String> CONFIG_VALUES = List.of("pad", "drop", "shift");

    private final String configValue;

    TailWindow(String configValue) {
        this.configValue = configValue;
    }

    static TailWindow fromConfig(String value) {
        for (TailWindow option : values()) {
            if (option.configValue.equals(value)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown tail window option " + value);
    }
}
