package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The property the benchmark rests on: pooled over frames, what one frame shows of the object
 * (position, size, angle) has the same distribution in every class, so a single-frame model has
 * nothing to go on but the motion it cannot see. Compared by mean and deciles over many videos,
 * each with a tolerance of about four standard errors.
 */
class SingleFrameMarginalsTest {

    private static final int VIDEOS = 3000;
    private static final int FRAMES = 16;
    private static final int SIZE = 64;
    private static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};
    private static final Map<MotionClass, List<List<ObjectState>>> VIDEOS_BY_CLASS = new EnumMap<>(MotionClass.class);

    @BeforeAll
    static void sample() {
        SynthConfig config = new SynthConfig(2024, MotionClass.parseList("all"), SIZE, SIZE, FRAMES, 25, 0.5, 1, 0, 0);
        for (MotionClass motion : MotionClass.values()) {
            List<List<ObjectState>> videos = new ArrayList<>();
            for (int index = 0; index < VIDEOS; index++) {
                videos.add(SyntheticVideo.of(config, motion, Split.TRAIN, index).groundTruth());
            }
            VIDEOS_BY_CLASS.put(motion, videos);
        }
    }

    /** x and y in scene coordinates: the camera's jitter is the same for all classes and only blurs them. */
    private static final ToDoubleFunction<ObjectState> X = state -> state.centreX() + state.cameraX();
    private static final ToDoubleFunction<ObjectState> Y = state -> state.centreY() + state.cameraY();
    private static final ToDoubleFunction<ObjectState> LOG_RADIUS = state -> Math.log(state.radius());
    /** Angle on the circle, as a frame shows it. */
    private static final ToDoubleFunction<ObjectState> ANGLE = state -> Math.floorMod(
            (long) Math.floor(state.angle() * 1e6), (long) Math.floor(2 * Math.PI * 1e6)) / 1e6;

    @Test
    void positionSizeAndAngleHaveTheSameDistributionInEveryClass() {
        for (MotionClass motion : MotionClass.values()) {
            assertSameDistribution("x", X, motion, MotionClass.STILL, SIZE * 0.012);
            assertSameDistribution("y", Y, motion, MotionClass.STILL, SIZE * 0.012);
            assertSameDistribution("log radius", LOG_RADIUS, motion, MotionClass.STILL, 0.02);
            assertSameDistribution("angle", ANGLE, motion, MotionClass.STILL, 0.2);
        }
        assertSameDistribution("x", X, MotionClass.MOVE_LEFT, MotionClass.MOVE_RIGHT, SIZE * 0.012);
        assertSameDistribution("y", Y, MotionClass.MOVE_UP, MotionClass.MOVE_DOWN, SIZE * 0.012);
        assertSameDistribution("log radius", LOG_RADIUS, MotionClass.GROW, MotionClass.SHRINK, 0.02);
        assertSameDistribution("angle", ANGLE, MotionClass.ROTATE_CW, MotionClass.ROTATE_CCW, 0.2);
    }

    /**
     * The same comparison does see a difference where there is one: in a video's first frame a
     * right mover sits left of where a left mover sits, and a growing object is smaller. (Which
     * frame of a video a single-frame model looks at is unknown to it; pooled, the difference is gone.)
     */
    @Test
    void theComparisonSeesTheDifferenceInAKnownFrame() {
        double[] rightFirst = values(MotionClass.MOVE_RIGHT, X, 0);
        double[] leftFirst = values(MotionClass.MOVE_LEFT, X, 0);
        double[] leftLast = values(MotionClass.MOVE_LEFT, X, FRAMES - 1);
        assertThat(mean(leftFirst) - mean(rightFirst)).isGreaterThan(SIZE * 0.2);
        // Played backwards, a left mover is a right mover.
        assertThat(mean(leftLast)).isCloseTo(mean(rightFirst), within(SIZE * 0.012));
        assertThat(mean(values(MotionClass.SHRINK, LOG_RADIUS, 0)) - mean(values(MotionClass.GROW, LOG_RADIUS, 0)))
                .isGreaterThan(0.3);
    }

    private static void assertSameDistribution(String quantity, ToDoubleFunction<ObjectState> value, MotionClass a,
                                               MotionClass b, double tolerance) {
        double[] first = values(a, value, -1);
        double[] second = values(b, value, -1);
        assertThat(mean(first)).as("mean %s of %s vs %s", quantity, a, b)
                .isCloseTo(mean(second), within(tolerance));
        for (double q : QUANTILES) {
            assertThat(quantile(first, q)).as("%s quantile %.2f of %s vs %s", quantity, q, a, b)
                    .isCloseTo(quantile(second, q), within(tolerance * 1.5));
        }
    }

    /** The quantity over every frame of every video of the class, or one frame when {@code frame >= 0}. */
    private static double[] values(MotionClass motion, ToDoubleFunction<ObjectState> value, int frame) {
        return VIDEOS_BY_CLASS.get(motion).stream()
                .flatMap(states -> frame < 0 ? states.stream() : Stream.of(states.get(frame)))
                .mapToDouble(value).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}
