package io.action4j.plugins.sampling;

import io.action4j.api.sampling.CentredClipSampler;
import io.action4j.api.sampling.CentredClips;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.random.RandomGenerator;

/**
 * MMAction2 v1.2.0's {@code UntrimmedSampleFrames}; deterministic. A video with no centre
 * ({@code totalFrames <= clipInterval / 2}) gives MMAction2 an empty index array; a
 * {@link FrameSelection} holds at least one clip, so that case is an error here. Streams over
 * untrimmed videos make the same clips one at a time ({@link #centredClips()}).
 */
public final class UntrimmedSampleFramesSampler implements CentredClipSampler {

    private final CentredClips clips;

    public UntrimmedSampleFramesSampler(UntrimmedSampleFramesConfig config) {
        this.clips = new CentredClips(config.clipLen(), config.clipInterval(), config.frameInterval());
    }

    @Override
    public CentredClips centredClips() {
        return clips;
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, UntrimmedSampleFramesFactory.NAME);
        int numClips = clips.count(totalFrames);
        if (numClips == 0) {
            throw new IllegalArgumentException(UntrimmedSampleFramesFactory.NAME + ": " + totalFrames
                    + " frames hold no clip centre (the first is frame " + clips.centre(0) + ")");
        }
        int clipLen = clips.clipLen();
        int[] indices = new int[Math.multiplyExact(numClips, clipLen)];
        for (int clip = 0; clip < numClips; clip++) {
            int[] frames = clips.frames(clip, totalFrames);
            for (int j = 0; j < clipLen; j++) {
                indices[clip * clipLen + j] = frames[j] + request.startIndex();
            }
        }
        return new FrameSelection(indices, clipLen, numClips);
    }
}
