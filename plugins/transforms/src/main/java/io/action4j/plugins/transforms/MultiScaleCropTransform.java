package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * MMAction2's {@code MultiScaleCrop}: one crop region for the whole clip, boxes shifted and clamped.
 *
 * <p>Draws, in order (Python's {@code random}): one {@code choice} among the candidate
 * {@code (w, h)} sizes; then either {@code x = randint(0, W - w)} and {@code y = randint(0, H - h)}
 * (randomCrop, both ends inclusive) or one {@code choice} among the 5 or 13 fixed offsets.
 */
public final class MultiScaleCropTransform implements Transform {

    /** A crop side this close to the input size snaps to it ({@code abs(...) < 3}). */
    static final int SNAP_DISTANCE = 3;

    private final MultiScaleCropConfig config;
    private final SizePair inputSize;

    public MultiScaleCropTransform(MultiScaleCropConfig config) {
        this.config = config;
        this.inputSize = SizePair.of(config.inputSize());
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        return Clips.crop(clip, cropRegion(first.width(), first.height(), random));
    }

    CropRegion cropRegion(int width, int height, RandomGenerator random) {
        SizePair size = snap(Draws.choice(random, candidateSizes(width, height)));
        int cropWidth = size.width();
        int cropHeight = size.height();
        if (config.randomCrop()) {
            int x = Draws.randintInclusive(random, 0, width - cropWidth);
            int y = Draws.randintInclusive(random, 0, height - cropHeight);
            return new CropRegion(x, y, cropWidth, cropHeight);
        }
        int[] offset = Draws.choice(random, fixedOffsets(width - cropWidth, height - cropHeight));
        return new CropRegion(offset[0], offset[1], cropWidth, cropHeight);
    }

    /** Outer loop over the height's scale, inner over the width's, as MMAction2 lists them. */
    List<SizePair> candidateSizes(int width, int height) {
        int baseSize = Math.min(width, height);
        List<Integer> cropSizes = config.scales().stream().map(s -> (int) (baseSize * s)).toList();
        List<SizePair> candidates = new ArrayList<>();
        for (int i = 0; i < cropSizes.size(); i++) {
            for (int j = 0; j < cropSizes.size(); j++) {
                if (Math.abs(i - j) <= config.maxWhScaleGap()) {
                    candidates.add(new SizePair(cropSizes.get(j), cropSizes.get(i)));
                }
            }
        }
        return candidates;
    }

    private SizePair snap(SizePair size) {
        int w = Math.abs(size.width() - inputSize.width()) < SNAP_DISTANCE ? inputSize.width() : size.width();
        int h = Math.abs(size.height() - inputSize.height()) < SNAP_DISTANCE ? inputSize.height() : size.height();
        return new SizePair(w, h);
    }

    /** The grid offsets, in MMAction2's order; steps are a quarter of the slack, floored. */
    List<int[]> fixedOffsets(int slackX, int slackY) {
        int w = Math.floorDiv(slackX, 4);
        int h = Math.floorDiv(slackY, 4);
        List<int[]> offsets = new ArrayList<>(List.of(
                new int[] {0, 0}, new int[] {4 * w, 0}, new int[] {0, 4 * h}, new int[] {4 * w, 4 * h},
                new int[] {2 * w, 2 * h}));
        if (config.numFixedCrops() == 13) {
            offsets.addAll(List.of(
                    new int[] {0, 2 * h}, new int[] {4 * w, 2 * h}, new int[] {2 * w, 4 * h}, new int[] {2 * w, 0},
                    new int[] {w, h}, new int[] {3 * w, h}, new int[] {w, 3 * h}, new int[] {3 * w, 3 * h}));
        }
        return offsets;
    }
}
