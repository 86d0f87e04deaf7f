package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.random.RandomGenerator;

/** MMAction2 v1.2.0's {@code SampleAVAFrames}; see {@link SampleAvaFramesConfig}. */
public final class SampleAvaFramesSampler implements ClipSampler {

    private final SampleAvaFramesConfig config;

    public SampleAvaFramesSampler(SampleAvaFramesConfig config) {
        this.config = config;
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, SampleAvaFramesFactory.NAME);
        int keyframe = request.keyframeIndex().orElseThrow(() -> new IllegalArgumentException(
                SampleAvaFramesFactory.NAME + " needs the request's keyframeIndex"));
        int clipLen = config.clipLen();
        int interval = config.frameInterval();
        // Python's (-fi) // 2 floors: -1 for fi = 1 and 2, -2 for fi = 3 and 4.
        int[] skips = new RandomDraws(random)
                .intsBetween(Math.floorDiv(-interval, 2), (interval + 1) / 2, clipLen);
        long center = (long) keyframe + request.startIndex(); // first start_index
        long first = center - (long) (clipLen / 2) * interval;
        int[] indices = new int[clipLen];
        for (int j = 0; j < clipLen; j++) {
            long frame = first + (long) j * interval + (config.testMode() ? 0 : skips[j]);
            frame = Math.min(Math.max(frame, 0), totalFrames - 1);
            indices[j] = (int) frame + request.startIndex(); // second start_index
        }
        return new FrameSelection(indices, clipLen, 1);
    }
}
