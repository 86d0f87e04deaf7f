package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;

/** The tests' backbones built alone, on a clip of {@code channels x t x h x w} (one clip; the batch is open). */
final class Backbones {

    private Backbones() {
    }

    /** {@code config} on an RGB clip of {@code t x h x w}, seed 0. */
    static ComponentGraph build(ResNet3dConfig config, long t, long h, long w) {
        return build(config, 0, 3, t, h, w);
    }

    static ComponentGraph build(ResNet3dConfig config, long seed, long channels, long t, long h, long w) {
        return build(new ResNet3dBackboneFactory().create(config), seed, channels, t, h, w);
    }

    static ComponentGraph build(Backbone backbone, long seed, long channels, long t, long h, long w) {
        return ComponentGraph.backbone(backbone, seed, TensorShape.of(1, channels, t, h, w));
    }
}
