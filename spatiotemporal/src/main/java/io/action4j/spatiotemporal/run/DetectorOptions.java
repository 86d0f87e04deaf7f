package io.action4j.spatiotemporal.run;

/**
 * How a {@link Detector} runs.
 *
 * @param seed seeds the pipeline's sampling and the parameters of a model without a checkpoint
 * @param batchSize keyframes whose clips run through the model at once
 * @param actionThreshold the least score for an action to count in a person's segments (and to be
 *                        drawn or listed as theirs)
 * @param trackIou the least overlap of a box with a track's predicted box for the person to continue it
 * @param trackMaxShift how far (in box sizes) a box may be from a track's prediction and still continue it
 *                      when they overlap less ({@link io.action4j.spatiotemporal.track.ActorTracker})
 * @param maxMissedKeyframes keyframes a track may go unseen (a missed box) and still continue
 * @param queueCapacity items each queue between the pipeline's stages holds
 */
public record DetectorOptions(long seed, int batchSize, double actionThreshold, double trackIou, double trackMaxShift,
                              int maxMissedKeyframes, int queueCapacity) {

    public static final DetectorOptions DEFAULTS = new DetectorOptions(0, 4, 0.5, 0.3, 1.5, 1, 4);

    public DetectorOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (!(actionThreshold >= 0 && actionThreshold <= 1)) {
            throw new IllegalArgumentException("the action threshold must be in [0, 1], got " + actionThreshold);
        }
        if (!(trackIou > 0 && trackIou <= 1)) {
            throw new IllegalArgumentException("the track IoU must be in (0, 1], got " + trackIou);
        }
        if (!(trackMaxShift >= 0) || Double.isInfinite(trackMaxShift)) {
            throw new IllegalArgumentException("the track's largest shift must be zero or positive, got "
                    + trackMaxShift);
        }
        if (maxMissedKeyframes < 0) {
            throw new IllegalArgumentException("missed keyframes must not be negative, got " + maxMissedKeyframes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, got " + queueCapacity);
        }
    }

    public DetectorOptions withActionThreshold(double threshold) {
        return new DetectorOptions(seed, batchSize, threshold, trackIou, trackMaxShift, maxMissedKeyframes,
                queueCapacity);
    }

    public DetectorOptions withBatchSize(int size) {
        return new DetectorOptions(seed, size, actionThreshold, trackIou, trackMaxShift, maxMissedKeyframes,
                queueCapacity);
    }
}
