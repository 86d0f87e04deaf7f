package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.random.RandomGenerator;

/**
 * MMAction2's {@code RandomResizedCrop}: one crop region for the whole clip, boxes shifted and
 * clamped.
 *
 * <p>Draws, in order: 10 log-aspect-ratios {@code uniform(log(min), log(max))}, then 10 area
 * shares {@code uniform(areaMin, areaMax)} (numpy draws all of them up front); then, for the
 * first candidate that fits, {@code x = randint(0, W - w)} and {@code y = randint(0, H - h)}, both
 * ends inclusive as Python's {@code random}. If none fits, the centred square of the short side
 * is taken with no further draws.
 */
public final class RandomResizedCropTransform implements Transform {

    static final int MAX_ATTEMPTS = 10;

    private final RandomResizedCropConfig config;

    public RandomResizedCropTransform(RandomResizedCropConfig config) {
        this.config = config;
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        return Clips.crop(clip, cropRegion(first.width(), first.height(), random));
    }

    CropRegion cropRegion(int width, int height, RandomGenerator random) {
        double area = (double) height * width;
        double logMin = Math.log(config.aspectRatioRange().get(0));
        double logMax = Math.log(config.aspectRatioRange().get(1));
        double[] aspectRatios = new double[MAX_ATTEMPTS];
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            aspectRatios[i] = Math.exp(Draws.uniform(random, logMin, logMax));
        }
        double[] targetAreas = new double[MAX_ATTEMPTS];
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            targetAreas[i] = Draws.uniform(random, config.areaRange().get(0), config.areaRange().get(1)) * area;
        }
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            // np.round rounds half to even, then astype(int32).
            int cropWidth = (int) Math.rint(Math.sqrt(targetAreas[i] * aspectRatios[i]));
            int cropHeight = (int) Math.rint(Math.sqrt(targetAreas[i] / aspectRatios[i]));
            if (cropHeight <= height && cropWidth <= width && cropWidth > 0 && cropHeight > 0) {
                int x = Draws.randintInclusive(random, 0, width - cropWidth);
                int y = Draws.randintInclusive(random, 0, height - cropHeight);
                return new CropRegion(x, y, cropWidth, cropHeight);
            }
        }
        int size = Math.min(width, height);
        return new CropRegion((width - size) / 2, (height - size) / 2, size, size);
    }
}
