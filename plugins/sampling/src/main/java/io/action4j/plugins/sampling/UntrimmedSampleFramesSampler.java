package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.random.RandomGenerator;

/**
 * MMAction2 v1.2.0's {@code UntrimmedSampleFrames}; deterministic. A video with no centre
 * ({@code totalFrames <= clipInterval / 2}) gives MMAction2 an empty index array; a
 * {@link FrameSelection} holds at least one clip, so that case is an error here.
 */
public final class UntrimmedSampleFramesSampler implements ClipSampler {

    private final UntrimmedSampleFramesConfig config;

    public UntrimmedSampleFramesSampler(UntrimmedSampleFramesConfig config) {
        this.config = config;
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, UntrimmedSampleFramesFactory.NAME);
        int firstCenter = config.clipInterval() / 2;
        if (totalFrames <= firstCenter) {
            throw new IllegalArgumentException(UntrimmedSampleFramesFactory.NAME + ": " + totalFrames
                    + " frames hold no clip centre (the first is frame " + firstCenter + ")");
        }
        int numClips = (totalFrames - 1 - firstCenter) / config.clipInterval() + 1;
        int clipLen = config.clipLen();
        int interval = config.frameInterval();
        int before = clipLen / 2 * interval;
        int[] indices = new int[Math.multiplyExact(numClips, clipLen)];
        for (int clip = 0; clip < numClips; clip++) {
            long center = firstCenter + (long) clip * config.clipInterval();
            for (int j = 0; j < clipLen; j++) {
                long frame = Math.min(Math.max(center - before + (long) j * interval, 0), totalFrames - 1);
                indices[clip * clipLen + j] = (int) frame + request.startIndex();
            }
        }
        return new FrameSelection(indices, clipLen, numClips);
    }
}
