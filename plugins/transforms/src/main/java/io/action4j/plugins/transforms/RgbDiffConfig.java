package io.action4j.plugins.transforms;

/**
 * RGB difference, TSN's cheap motion modality: consecutive frames subtracted.
 *
 * @param keepRgb {@code false} (default): each frame becomes {@code next - this} (C channels, one frame fewer a
 *     clip), TSN's RGB-difference stream; {@code true}: each frame keeps its own C channels and gains the
 *     difference's after them ({@code 2C}), one input for both streams of {@code two_stream_fusion}
 */
public record RgbDiffConfig(boolean keepRgb) {

    public static final RgbDiffConfig DEFAULTS = new RgbDiffConfig(false);
}
