package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticVideoTest {

    static SynthConfig config(long seed, double difficulty) {
        return new SynthConfig(seed, MotionClass.parseList("all"), 64, 64, 16, 25, difficulty, 1, 0, 0);
    }

    @Test
    void sameConfigRendersTheSamePixelsAndAnotherSeedDoesNot() {
        List<byte[]> first = SyntheticVideo.of(config(5, 0.7), MotionClass.ROTATE_CW, Split.TRAIN, 3).render();
        List<byte[]> again = SyntheticVideo.of(config(5, 0.7), MotionClass.ROTATE_CW, Split.TRAIN, 3).render();
        List<byte[]> otherSeed = SyntheticVideo.of(config(6, 0.7), MotionClass.ROTATE_CW, Split.TRAIN, 3).render();
        List<byte[]> otherIndex = SyntheticVideo.of(config(5, 0.7), MotionClass.ROTATE_CW, Split.TRAIN, 4).render();

        assertThat(first).hasSize(16).usingElementComparator(Arrays::compare).isEqualTo(again);
        for (int t = 0; t < first.size(); t++) {
            assertThat(first.get(t)).isNotEqualTo(otherSeed.get(t)).isNotEqualTo(otherIndex.get(t));
        }
    }

    @Test
    void framesRenderTheSameAloneAndInAnyOrder() {
        Scene scene = SyntheticVideo.of(config(9, 1), MotionClass.MOVE_UP, Split.VAL, 0).scene();
        SceneRenderer forwards = new SceneRenderer(scene);
        SceneRenderer single = new SceneRenderer(scene);
        byte[] frame5 = forwards.render(5);

        assertThat(single.render(11)).isEqualTo(forwards.render(11));
        assertThat(single.render(5)).isEqualTo(frame5);
        assertThat(forwards.render(6)).isNotEqualTo(frame5);
    }

    @Test
    void theClassChangesOnlyTheMotionNotWhatIsDrawnAroundIt() {
        long seed = 12345;
        Scene left = Scene.sample(config(0, 1), MotionClass.MOVE_LEFT, seed);
        Scene still = Scene.sample(config(0, 1), MotionClass.STILL, seed);

        assertThat(still.object()).isEqualTo(left.object());
        assertThat(still.clutter()).isEqualTo(left.clutter());
        assertThat(still.gratings()).isEqualTo(left.gratings());
        assertThat(still.drifter()).isEqualTo(left.drifter());
        assertThat(still.cameraX()).isEqualTo(left.cameraX());
        assertThat(still.noiseSeed()).isEqualTo(left.noiseSeed());
        assertThat(still.state(0)).isNotEqualTo(left.state(0));
    }

    /** In scene coordinates (the camera's shift undone), each class moves one quantity, the right way. */
    @ParameterizedTest
    @EnumSource(MotionClass.class)
    void groundTruthMovesTheClassQuantityInTheClassDirectionOnly(MotionClass motion) {
        for (int index = 0; index < 5; index++) {
            List<ObjectState> states = SyntheticVideo.of(config(1, 0.5), motion, Split.TRAIN, index).groundTruth();
            double[][] series = new double[4][states.size()];
            for (int t = 0; t < states.size(); t++) {
                ObjectState state = states.get(t);
                series[0][t] = state.centreX() + state.cameraX();
                series[1][t] = state.centreY() + state.cameraY();
                series[2][t] = state.angle();
                series[3][t] = state.radius();
            }
            int moving = motion.moving() == null ? -1 : motion.moving().ordinal();
            for (int quantity = 0; quantity < 4; quantity++) {
                double[] values = series[quantity];
                for (int t = 1; t < values.length; t++) {
                    double step = values[t] - values[t - 1];
                    if (quantity == moving) {
                        assertThat(Math.signum(step)).as("%s quantity %d frame %d", motion, quantity, t)
                                .isEqualTo(motion.direction());
                    } else {
                        assertThat(step).as("%s quantity %d frame %d", motion, quantity, t).isCloseTo(0, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void namedDirectionsMatchTheScreen() {
        ObjectState leftStart = first(MotionClass.MOVE_LEFT);
        ObjectState leftEnd = last(MotionClass.MOVE_LEFT);
        assertThat(leftEnd.centreX()).isLessThan(leftStart.centreX() - 5);
        assertThat(last(MotionClass.MOVE_UP).centreY()).isLessThan(first(MotionClass.MOVE_UP).centreY() - 5);
        assertThat(last(MotionClass.MOVE_DOWN).centreY()).isGreaterThan(first(MotionClass.MOVE_DOWN).centreY() + 5);
        assertThat(last(MotionClass.ROTATE_CW).angle()).isLessThan(first(MotionClass.ROTATE_CW).angle() - 0.5);
        assertThat(last(MotionClass.SHRINK).radius()).isLessThan(first(MotionClass.SHRINK).radius() * 0.8);
    }

    private static ObjectState first(MotionClass motion) {
        return SyntheticVideo.of(config(2, 0), motion, Split.TEST, 0).groundTruth().get(0);
    }

    private static ObjectState last(MotionClass motion) {
        return SyntheticVideo.of(config(2, 0), motion, Split.TEST, 0).groundTruth().get(15);
    }

    /**
     * The pixels agree with the ground truth: the object's drawn area is centred where the ground
     * truth says (camera jitter included), its size matches, and an ellipse's long axis turns the
     * way the angle does (counter-clockwise on the screen when the angle grows).
     */
    @Test
    void renderedObjectSitsWhereTheGroundTruthSays() {
        int checkedEllipses = 0;
        for (int index = 0; index < 60 && checkedEllipses < 3; index++) {
            SyntheticVideo video = SyntheticVideo.of(config(4, 1), MotionClass.ROTATE_CCW, Split.TRAIN, index);
            Scene scene = video.scene();
            if (scene.object().shape() != Shape.ELLIPSE) {
                continue;
            }
            checkedEllipses++;
            SceneRenderer renderer = new SceneRenderer(scene);
            double previousOrientation = Double.NaN;
            for (int t = 0; t < scene.frames(); t++) {
                float[] coverage = new float[64 * 64];
                renderer.render(t, new byte[64 * 64 * 3], coverage);
                Moments moments = Moments.of(coverage, 64);
                ObjectState truth = scene.state(t);
                assertThat(moments.centreX()).as("frame %d", t).isCloseTo(truth.centreX(), within(0.1));
                assertThat(moments.centreY()).as("frame %d", t).isCloseTo(truth.centreY(), within(0.1));
                // An ellipse with semi-axes r and 0.55 r has area 0.55 pi r^2.
                assertThat(moments.area()).isCloseTo(0.55 * Math.PI * truth.radius() * truth.radius(),
                        within(0.03 * moments.area()));
                double orientation = moments.orientation();
                assertThat(angleBetweenAxes(orientation, truth.angle())).as("frame %d", t).isLessThan(0.05);
                if (!Double.isNaN(previousOrientation)) {
                    assertThat(Math.sin(2 * (orientation - previousOrientation))).as("turns counter-clockwise")
                            .isPositive();
                }
                previousOrientation = orientation;
            }
        }
        assertThat(checkedEllipses).isEqualTo(3);
    }

    /** Difference between two axis directions (mod pi), in radians. */
    private static double angleBetweenAxes(double a, double b) {
        double difference = Math.IEEEremainder(a - b, Math.PI);
        return Math.abs(difference);
    }

    /** Area, centroid and principal-axis direction of a coverage map, with y pointing up for the angle. */
    record Moments(double area, double centreX, double centreY, double orientation) {

        static Moments of(float[] coverage, int width) {
            double area = 0;
            double sumX = 0;
            double sumY = 0;
            for (int i = 0; i < coverage.length; i++) {
                double x = i % width + 0.5;
                double y = i / width + 0.5;
                area += coverage[i];
                sumX += coverage[i] * x;
                sumY += coverage[i] * y;
            }
            double cx = sumX / area;
            double cy = sumY / area;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int i = 0; i < coverage.length; i++) {
                double dx = i % width + 0.5 - cx;
                double up = cy - (i / width + 0.5);
                xx += coverage[i] * dx * dx;
                yy += coverage[i] * up * up;
                xy += coverage[i] * dx * up;
            }
            return new Moments(area, cx, cy, 0.5 * Math.atan2(2 * xy, xx - yy));
        }
    }
}
