package io.action4j.plugins.transforms;

import io.action4j.api.VideoPlugin;
import io.action4j.api.transform.TransformFactory;
import java.util.List;

/**
 * MMAction2 v1.2.0's data transforms. {@link io.action4j.api.transform.ClipFormatter} ({@code FormatShape}) is offered as a
 * class, not a transform: its output is a tensor, not a {@link io.action4j.api.transform.Clip}.
 */
public final class TransformsPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<TransformFactory<?>> transforms() {
        return List.of(new ResizeFactory(), new RandomResizedCropFactory(), new MultiScaleCropFactory(),
                new CenterCropFactory(), new ThreeCropFactory(), new TenCropFactory(), new FlipFactory(),
                new ColorJitterFactory(), new NormalizeFactory(), new RgbDiffFactory());
    }
}
