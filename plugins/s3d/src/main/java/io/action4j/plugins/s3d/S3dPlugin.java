package io.action4j.plugins.s3d;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import io.action4j.api.model.RecognitionHeadFactory;
import java.util.List;

/** S3D: the backbone and the head that together are torchvision's {@code s3d}. */
public final class S3dPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new S3dBackboneFactory());
    }

    @Override
    public List<RecognitionHeadFactory<?>> recognitionHeads() {
        return List.of(new S3dHeadFactory());
    }
}
