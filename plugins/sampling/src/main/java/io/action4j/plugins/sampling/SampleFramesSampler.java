package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** MMAction2 v1.2.0's {@code SampleFrames}, branch for branch; see {@link SampleFramesConfig}. */
public final class SampleFramesSampler implements ClipSampler {

    private final SampleFramesConfig config;
    private final OutOfBoundOption outOfBound;

    public SampleFramesSampler(SampleFramesConfig config) {
        this.config = config;
        this.outOfBound = OutOfBoundOption.fromConfig(config.outOfBoundOpt());
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, SampleFramesFactory.NAME);
        double[] offsets;
        RandomDraws draws = null;
        if (config.testMode()) {
            offsets = testOffsets(totalFrames);
        } else {
            draws = new RandomDraws(random);
            offsets = trainOffsets(totalFrames, draws);
        }
        int[] jitter = null;
        if (config.temporalJitter()) {
            draws = draws == null ? new RandomDraws(random) : draws;
            jitter = draws.ints(config.frameInterval(), offsets.length * config.clipLen());
        }
        return ClipFrames.select(SampleFramesFactory.NAME, offsets, config.clipLen(), config.frameInterval(), jitter, outOfBound,
                totalFrames, request.startIndex());
    }

    /** {@code _get_train_clips}; the clip spans {@code clipLen * frameInterval} frames in train mode. */
    double[] trainOffsets(int totalFrames, RandomDraws draws) {
        int numClips = config.numClips();
        int span = config.clipLen() * config.frameInterval();
        double[] offsets = new double[numClips];
        if (config.keepTailFrames()) {
            double segment = (totalFrames - span + 1) / (double) numClips;
            if (totalFrames > span - 1) {
                double[] shifts = draws.uniform(segment, numClips);
                for (int k = 0; k < numClips; k++) {
                    offsets[k] = (int) (k * segment + shifts[k]); // astype(int32) truncates
                }
            }
            return offsets;
        }
        // Floor division: a short video gives a negative segment, e.g. -1 // 4 == -1.
        int segment = Math.floorDiv(totalFrames - span + 1, numClips);
        if (segment > 0) {
            int[] shifts = draws.ints(segment, numClips);
            for (int k = 0; k < numClips; k++) {
                offsets[k] = k * segment + shifts[k];
            }
        } else if (totalFrames > Math.max(numClips, span)) {
            int[] starts = draws.ints(totalFrames - span + 1, numClips);
            Arrays.sort(starts);
            for (int k = 0; k < numClips; k++) {
                offsets[k] = starts[k];
            }
        } else if (segment == 0) {
            double ratio = (totalFrames - span + 1.0) / numClips;
            for (int k = 0; k < numClips; k++) {
                offsets[k] = NumpyMath.around(k * ratio);
            }
        }
        return offsets; // else: all zeros
    }

    /** {@code _get_test_clips}; the clip spans {@code (clipLen - 1) * frameInterval + 1} frames. */
    double[] testOffsets(int totalFrames) {
        int numClips = config.numClips();
        if (config.clipLen() == 1) {
            // 2D: segment centres, kept fractional until the final truncation.
            double segment = totalFrames / (double) numClips;
            double[] offsets = new double[config.twiceSample() ? 2 * numClips : numClips];
            for (int k = 0; k < numClips; k++) {
                double base = k * segment;
                offsets[k] = base + segment / 2.0;
                if (config.twiceSample()) {
                    offsets[numClips + k] = base;
                }
            }
            return offsets;
        }
        int span = (config.clipLen() - 1) * config.frameInterval() + 1;
        int maxOffset = Math.max(totalFrames - span, 0);
        int sampled = config.twiceSample() ? 2 * numClips : numClips;
        if (sampled == 1) {
            return new double[] {Math.floorDiv(maxOffset, 2)};
        }
        // The step is for numClips clips even with twiceSample: the extra clips run past the end
        // and are then looped or clamped, as in MMAction2.
        double between = maxOffset / (double) (numClips - 1);
        double[] offsets = new double[sampled];
        for (int k = 0; k < sampled; k++) {
            offsets[k] = NumpyMath.around(k * between);
        }
        return offsets;
    }
}
