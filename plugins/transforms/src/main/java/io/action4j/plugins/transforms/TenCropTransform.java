package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * MMAction2's {@code TenCrop}: upper left, upper right, lower left, lower right, centre at
 * {@code (0|4*ws|2*ws, 0|4*hs|2*hs)} with {@code ws = (W - w) // 4}, {@code hs = (H - h) // 4},
 * each followed by its horizontally flipped copy: ul, ul-flip, ur, ur-flip, ... The flip is a
 * plain mirror (no flow-x inversion, as in MMAction2). Multiplies numCrops by 10; boxes are left
 * unchanged (MMAction2 cannot process them). No draws.
 */
public final class TenCropTransform implements Transform {

    private final SizePair cropSize;

    public TenCropTransform(TenCropConfig config) {
        this.cropSize = SizePair.of(config.cropSize());
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        List<MultiCrops.View> views = new ArrayList<>();
        for (CropRegion region : regions(first.width(), first.height())) {
            views.add(new MultiCrops.View(region, UnaryOperator.identity()));
            views.add(new MultiCrops.View(region, Frames::flipHorizontal));
        }
        return MultiCrops.apply(clip, views, "TenCrop");
    }

    /** The five regions, before their flipped copies are interleaved. */
    List<CropRegion> regions(int width, int height) {
        int w = cropSize.width();
        int h = cropSize.height();
        int ws = Math.floorDiv(width - w, 4);
        int hs = Math.floorDiv(height - h, 4);
        return List.of(new CropRegion(0, 0, w, h), new CropRegion(4 * ws, 0, w, h), new CropRegion(0, 4 * hs, w, h),
                new CropRegion(4 * ws, 4 * hs, w, h), new CropRegion(2 * ws, 2 * hs, w, h));
    }
}
