package io.action4j.plugins.sampling;

import io.action4j.api.ConfigChecks;

/**
 * MMAction2's {@code DenseSampleFrames}: {@code numClips} clips whose starts lie
 * {@code sampleRange / numClips} frames apart, the whole group placed at one random position in
 * train mode and at {@code numSamplePositions} evenly spread positions in test mode (so a test
 * selection holds {@code numSamplePositions * numClips} clips).
 *
 * @param clipLen frames per clip (MMAction2 has no default; 32 here)
 * @param frameInterval distance between sampled frames of a clip
 * @param numClips clips per sample position
 * @param sampleRange frames the group of clips covers
 * @param numSamplePositions test mode: positions of the group
 * @param testMode deterministic test/validation sampling
 * @param temporalJitter add a random {@code [0, frameInterval)} shift to every frame
 * @param outOfBoundOpt {@code loop}, {@code repeat_last} or {@code error}, as in {@link SampleFramesConfig}
 */
public record DenseSampleFramesConfig(int clipLen, int frameInterval, int numClips, int sampleRange,
                                      int numSamplePositions, boolean testMode, boolean temporalJitter,
                                      String outOfBoundOpt) {

    public static final DenseSampleFramesConfig DEFAULTS =
            new DenseSampleFramesConfig(32, 1, 1, 64, 10, false, false, "loop");

    public DenseSampleFramesConfig {
        ConfigChecks.positive("clipLen", clipLen);
        ConfigChecks.positive("frameInterval", frameInterval);
        ConfigChecks.positive("numClips", numClips);
        ConfigChecks.positive("sampleRange", sampleRange);
        ConfigChecks.positive("numSamplePositions", numSamplePositions);
        ConfigChecks.required("outOfBoundOpt", outOfBoundOpt);
        ConfigChecks.oneOf("outOfBoundOpt", outOfBoundOpt, OutOfBoundOption.CONFIG_VALUES);
    }
}
