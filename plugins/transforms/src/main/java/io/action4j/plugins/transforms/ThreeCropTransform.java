package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * MMAction2's {@code ThreeCrop}: the crop must span the full height (or width); the three views
 * are left, right, middle (or top, bottom, middle) at {@code 0, 2*step, step} with
 * {@code step = (W - w) // 2}, so with odd slack the "right" view ends one pixel short of the edge.
 * Multiplies numCrops by 3; boxes are left unchanged (MMAction2 cannot process them). No draws.
 */
public final class ThreeCropTransform implements Transform {

    private final SizePair cropSize;

    public ThreeCropTransform(ThreeCropConfig config) {
        this.cropSize = SizePair.of(config.cropSize());
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        List<MultiCrops.View> views = regions(first.width(), first.height()).stream()
                .map(region -> new MultiCrops.View(region, UnaryOperator.identity())).toList();
        return MultiCrops.apply(clip, views, "ThreeCrop");
    }

    List<CropRegion> regions(int width, int height) {
        int w = cropSize.width();
        int h = cropSize.height();
        if (h == height) {
            int step = Math.floorDiv(width - w, 2);
            return List.of(new CropRegion(0, 0, w, h), new CropRegion(2 * step, 0, w, h), new CropRegion(step, 0, w, h));
        }
        if (w == width) {
            int step = Math.floorDiv(height - h, 2);
            return List.of(new CropRegion(0, 0, w, h), new CropRegion(0, 2 * step, w, h), new CropRegion(0, step, w, h));
        }
        throw new IllegalArgumentException("ThreeCrop needs the crop " + w + "x" + h
                + " to span the full height or width of the " + width + "x" + height + " frame");
    }
}
