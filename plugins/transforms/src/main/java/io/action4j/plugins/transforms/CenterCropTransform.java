package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.random.RandomGenerator;

/** MMAction2's {@code CenterCrop}: origin {@code ((W - w) // 2, (H - h) // 2)}, boxes shifted and clamped. No draws. */
public final class CenterCropTransform implements Transform {

    private final SizePair cropSize;

    public CenterCropTransform(CenterCropConfig config) {
        this.cropSize = SizePair.of(config.cropSize());
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        return Clips.crop(clip, cropRegion(first.width(), first.height()));
    }

    CropRegion cropRegion(int width, int height) {
        return new CropRegion(Math.floorDiv(width - cropSize.width(), 2), Math.floorDiv(height - cropSize.height(), 2),
                cropSize.width(), cropSize.height());
    }
}
