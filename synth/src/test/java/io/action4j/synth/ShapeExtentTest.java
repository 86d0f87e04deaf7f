package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapeExtentTest {

    private static final double STEP = 0.002;

    /** The extent agrees with the outline's own inside test, sampled finely, at many angles. */
    @ParameterizedTest
    @EnumSource(Shape.class)
    void theExtentIsTheOutlinesTightBoxAtAnyAngle(Shape shape) {
        for (int step = 0; step < 24; step++) {
            double angle = step * Math.PI / 12 + 0.1;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double minRight = Double.POSITIVE_INFINITY;
            double maxRight = Double.NEGATIVE_INFINITY;
            double minUp = Double.POSITIVE_INFINITY;
            double maxUp = Double.NEGATIVE_INFINITY;
            for (double right = -1.2; right <= 1.2; right += STEP) {
                for (double up = -1.2; up <= 1.2; up += STEP) {
                    // As Sprite.paint maps a screen point into the shape's own coordinates.
                    if (shape.contains(right * cos + up * sin, -right * sin + up * cos)) {
                        minRight = Math.min(minRight, right);
                        maxRight = Math.max(maxRight, right);
                        minUp = Math.min(minUp, up);
                        maxUp = Math.max(maxUp, up);
                    }
                }
            }
            Shape.Extent extent = shape.extent(angle);
            String at = shape + " at " + angle;
            assertThat(extent.minRight()).as(at).isCloseTo(minRight, within(2 * STEP));
            assertThat(extent.maxRight()).as(at).isCloseTo(maxRight, within(2 * STEP));
            assertThat(extent.minUp()).as(at).isCloseTo(minUp, within(2 * STEP));
            assertThat(extent.maxUp()).as(at).isCloseTo(maxUp, within(2 * STEP));
            assertThat(Math.max(Math.max(-extent.minRight(), extent.maxRight()), Math.max(-extent.minUp(),
                    extent.maxUp()))).as(at).isLessThanOrEqualTo(shape.reach() + 1e-9);
        }
    }
}
