package io.action4j.plugins.sampling;

import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.util.random.RandomGenerator;

/**
 * Windows over a long video, one clip each; see {@link SlidingWindowsConfig}. Works out the window
 * starts arithmetically, so the only array it allocates is the output.
 */
public final class SlidingWindowsSampler implements ClipSampler {

    private final SlidingWindowsConfig config;
    private final TailWindow tail;
    private final int offsetInWindow;

    public SlidingWindowsSampler(SlidingWindowsConfig config) {
        this.config = config;
        this.tail = TailWindow.fromConfig(config.tailWindow());
        int span = (config.clipLen() - 1) * config.frameInterval() + 1;
        this.offsetInWindow = (config.windowFrames() - span) / 2;
    }

    @Override
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        int totalFrames = Requests.requireFrames(request, SlidingWindowsFactory.NAME);
        int window = config.windowFrames();
        int stride = config.strideFrames();
        int fullWindows = totalFrames >= window ? (totalFrames - window) / stride + 1 : 0;
        long coveredEnd = fullWindows == 0 ? 0 : (long) (fullWindows - 1) * stride + window;
        long tailStart = (long) fullWindows * stride;
        boolean hasTail = coveredEnd < totalFrames && tailStart < totalFrames;
        long extraStart = -1;
        if (hasTail && (tail == TailWindow.PAD || fullWindows == 0)) {
            extraStart = tailStart;
        } else if (hasTail && tail == TailWindow.SHIFT) {
            extraStart = totalFrames - window;
        }
        int numWindows = fullWindows + (extraStart >= 0 ? 1 : 0);
        int clipLen = config.clipLen();
        int[] indices = new int[Math.multiplyExact(numWindows, clipLen)];
        for (int w = 0; w < numWindows; w++) {
            long start = w < fullWindows ? (long) w * stride : extraStart;
            for (int j = 0; j < clipLen; j++) {
                // Only a padded window reaches past the end: it repeats the last frame.
                long frame = Math.min(start + offsetInWindow + (long) j * config.frameInterval(), totalFrames - 1);
                indices[w * clipLen + j] = (int) frame + request.startIndex();
            }
        }
        return new FrameSelection(indices, clipLen, numWindows);
    }
}
