package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.random.RandomGenerator;

/** MMAction2 v1.2.0's {@code DenseSampleFrames}; see {@link DenseSampleFramesConfig}. */
public final class DenseSampleFramesSampler implements ClipSampler {

    private final DenseSampleFramesConfig config;
    private final OutOfBoundOption outOfBound;

    public DenseSampleFramesSampler(DenseSampleFramesConfig config) {
        this.config = config;
        this.outOfBound = OutOfBoundOption.fromConfig(config.outOfBoundOpt());
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, DenseSampleFramesFactory.NAME);
        int positions = Math.max(1, 1 + totalFrames - config.sampleRange());
        RandomDraws draws = null;
        int[] groupStarts;
        if (config.testMode()) {
            groupStarts = NumpyMath.linspaceFloored(positions - 1, config.numSamplePositions());
        } else if (positions == 1) {
            groupStarts = new int[] {0};
        } else {
            // randint(0, positions - 1): the upper end is exclusive, so the last position is never drawn.
            draws = new RandomDraws(random);
            groupStarts = draws.ints(positions - 1, 1);
        }
        double[] offsets = clipOffsets(groupStarts, totalFrames);
        int[] jitter = null;
        if (config.temporalJitter()) {
            draws = draws == null ? new RandomDraws(random) : draws;
            jitter = draws.ints(config.frameInterval(), offsets.length * config.clipLen());
        }
        return ClipFrames.select(DenseSampleFramesFactory.NAME, offsets, config.clipLen(), config.frameInterval(), jitter, outOfBound,
                totalFrames, request.startIndex());
    }

    private double[] clipOffsets(int[] groupStarts, int totalFrames) {
        int numClips = config.numClips();
        int interval = config.sampleRange() / numClips;
        double[] offsets = new double[groupStarts.length * numClips];
        for (int g = 0; g < groupStarts.length; g++) {
            for (int k = 0; k < numClips; k++) {
                offsets[g * numClips + k] = (k * interval + groupStarts[g]) % totalFrames;
            }
        }
        return offsets;
    }
}
