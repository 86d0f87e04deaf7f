package io.action4j.synth;

/**
 * A flat distractor that drifts at a constant velocity and bounces off the frame's edges, so that
 * a long video has motion in the background the whole time that is no action.
 *
 * @param start     the sprite at frame 0
 * @param velocityX pixels a frame
 * @param velocityY pixels a frame
 * @param width     the frame's width: the sprite's centre stays a radius inside it
 * @param height    the frame's height
 */
record BouncingSprite(Sprite start, double velocityX, double velocityY, int width, int height) {

    /** The sprite in frame t. */
    Sprite at(int t) {
        double x = bounce(start.centreX() + velocityX * t, start.radius(), width - start.radius());
        double y = bounce(start.centreY() + velocityY * t, start.radius(), height - start.radius());
        return start.at(x, y, start.radius(), start.angle());
    }

    /** {@code position} reflected into [low, high], as a point bouncing between two walls. */
    private static double bounce(double position, double low, double high) {
        double span = high - low;
        if (span <= 0) {
            return (low + high) / 2;
        }
        double folded = (position - low) % (2 * span);
        if (folded < 0) {
            folded += 2 * span;
        }
        return low + (folded <= span ? folded : 2 * span - folded);
    }
}
