package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.plugins.s3d.S3dUnits.Preactivation;

/** One module of torchvision's {@code S3D.features}, at torchvision's full width. */
sealed interface S3dLayer {

    /**
     * Adds the layer at module path {@code name} ({@code features.<index>}) on {@code x}, whose owed
     * ReLU the layer applies first unless it commutes with it; returns its output with its final
     * ReLU possibly still owed.
     */
    Preactivation build(S3dUnits units, String name, Preactivation x);

    /** TemporalSeparableConv to {@code channels}. */
    record SeparableConv(int channels, int kernel, int stride, int padding) implements S3dLayer {
        @Override
        public Preactivation build(S3dUnits units, String name, Preactivation x) {
            return units.temporalSeparable(name, x.activated(units.graph()), channels, kernel, stride, padding);
        }
    }

    /** Conv3dNormActivation with a 1x1x1 kernel. */
    record PointwiseConv(int channels) implements S3dLayer {
        @Override
        public Preactivation build(S3dUnits units, String name, Preactivation x) {
            return units.pointwise(name, x.activated(units.graph()), channels);
        }
    }

    /**
     * MaxPool3d (floor rounding; padding never wins a max, as torch pads with -inf), on the values
     * before the input's owed ReLU.
     */
    record MaxPool(int[] kernel, int[] stride, int[] padding) implements S3dLayer {
        @Override
        public Preactivation build(S3dUnits units, String name, Preactivation x) {
            return units.maxPool(name, x, kernel, stride, padding);
        }
    }

    /**
     * SepInceptionBlock3D: four branches concatenated on channels, {@code branch0} a 1x1x1 conv,
     * {@code branch1} and {@code branch2} a 1x1x1 conv to the mid width then a 3x3x3 temporal
     * separable conv, {@code branch3} a 3x3x3 max pool (stride 1, padding 1) then a 1x1x1 conv.
     */
    record Inception(int branch0, int branch1Mid, int branch1, int branch2Mid, int branch2, int branch3)
            implements S3dLayer {

        private static final int[] ONE = {1, 1, 1};
        private static final int[] THREE = {3, 3, 3};

        @Override
        public Preactivation build(S3dUnits units, String name, Preactivation input) {
            GraphBuilder graph = units.graph();
            Feature x = input.activated(graph);
            Preactivation b0 = units.pointwise(name + ".branch0", x, branch0);
            Preactivation b1 = separableBranch(units, name + ".branch1", x, branch1Mid, branch1);
            Preactivation b2 = separableBranch(units, name + ".branch2", x, branch2Mid, branch2);
            Feature pooled = graph.maxPool3d(name + ".branch3.0", x, THREE, ONE, ONE);
            Preactivation b3 = units.pointwise(name + ".branch3.1", pooled, branch3);
            return units.concatChannels(name, b0, b1, b2, b3);
        }

        private static Preactivation separableBranch(S3dUnits units, String name, Feature x, int mid, int out) {
            Feature reduced = units.pointwise(name + ".0", x, mid).activated(units.graph());
            return units.temporalSeparable(name + ".1", reduced, out, 3, 1, 1);
        }
    }
}
