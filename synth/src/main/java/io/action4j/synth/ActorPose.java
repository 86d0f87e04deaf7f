package io.action4j.synth;

import io.action4j.synth.MotionClass.Quantity;

/**
 * Where an actor is and how it is turned and sized, as its movement leaves it (scene pixels, y down;
 * angle counter-clockwise on the screen; log of the radius in pixels).
 */
record ActorPose(double x, double y, double angle, double logRadius) {

    /**
     * The pose after {@code frames} frames of {@code motion} at the given rates (per frame): the
     * motion's one quantity changes linearly, the others stay.
     */
    ActorPose after(MotionClass motion, int frames, ActorRates rates) {
        double steps = motion.direction() * (double) frames;
        Quantity quantity = motion.moving();
        if (quantity == Quantity.X) {
            return new ActorPose(x + rates.pixels() * steps, y, angle, logRadius);
        } else if (quantity == Quantity.Y) {
            return new ActorPose(x, y + rates.pixels() * steps, angle, logRadius);
        } else if (quantity == Quantity.ANGLE) {
            return new ActorPose(x, y, angle + rates.radians() * steps, logRadius);
        } else if (quantity == Quantity.SCALE) {
            return new ActorPose(x, y, angle, logRadius + rates.logScale() * steps);
        }
        return this;
    }

    double radius() {
        return Math.exp(logRadius);
    }

    /**
     * How fast an actor moves, per frame: each actor has its own speeds, so speed does not tell one
     * action from another.
     */
    record ActorRates(double pixels, double radians, double logScale) {
    }
}
