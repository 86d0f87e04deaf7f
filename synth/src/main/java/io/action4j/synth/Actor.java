package io.action4j.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * One person of a multi-actor video: a textured shape with its own movements over time (one
 * {@link MotionClass} at every frame, {@code still} while resting) and, now and then, a
 * {@link SecondaryMotion} on top. Its appearance never depends on what it does.
 */
final class Actor {

    private final Sprite look;
    private final double brightness;
    private final ActorPose.ActorRates rates;
    private final double fps;
    private final List<ActionSpan<MotionClass>> movements;
    /** The pose at each movement's first frame. */
    private final List<ActorPose> posesAtStarts;
    private final List<ActionSpan<SecondaryMotion>> secondaries;

    /**
     * @param look        shape, texture and colours (its position, size and angle are ignored)
     * @param brightness  the factor the colours are scaled by when not pulsing
     * @param start       the pose at frame 0
     * @param movements   back to back from frame 0 to the video's end
     * @param secondaries in time order, not overlapping each other
     */
    Actor(Sprite look, double brightness, ActorPose.ActorRates rates, double fps, ActorPose start,
          List<ActionSpan<MotionClass>> movements, List<ActionSpan<SecondaryMotion>> secondaries) {
        this.look = look;
        this.brightness = brightness;
        this.rates = rates;
        this.fps = fps;
        this.movements = List.copyOf(movements);
        this.secondaries = List.copyOf(secondaries);
        List<ActorPose> poses = new ArrayList<>();
        ActorPose pose = start;
        int expectedStart = 0;
        for (ActionSpan<MotionClass> movement : movements) {
            if (movement.startFrame() != expectedStart) {
                throw new IllegalArgumentException("movements must follow each other from frame 0: " + movements);
            }
            poses.add(pose);
            pose = pose.after(movement.action(), movement.length(), rates);
            expectedStart = movement.endFrame();
        }
        this.posesAtStarts = List.copyOf(poses);
    }

    /** How far the actor's outline reaches from its centre, in units of its radius, at any angle. */
    double reach() {
        return look.shape().reach();
    }

    List<ActionSpan<MotionClass>> movements() {
        return movements;
    }

    List<ActionSpan<SecondaryMotion>> secondaries() {
        return secondaries;
    }

    ActorPose.ActorRates rates() {
        return rates;
    }

    /** The last frame the actor is defined for, plus one. */
    int frames() {
        return movements.get(movements.size() - 1).endFrame();
    }

    /** The movement at frame t: what the actor is doing then ({@code still} while resting). */
    MotionClass movementAt(int t) {
        return movements.get(movementIndex(t)).action();
    }

    /** The secondary motion at frame t, or null when none. */
    SecondaryMotion secondaryAt(int t) {
        ActionSpan<SecondaryMotion> span = secondaryAround(t);
        return span == null ? null : span.action();
    }

    /** The pose at frame t, as the movements alone leave it (without the wobble). */
    ActorPose poseAt(int t) {
        int index = movementIndex(t);
        ActionSpan<MotionClass> movement = movements.get(index);
        return posesAtStarts.get(index).after(movement.action(), t - movement.startFrame(), rates);
    }

    /** The actor as frame t shows it, in scene coordinates: pose, wobble and pulse applied. */
    Sprite spriteAt(int t) {
        ActorPose pose = poseAt(t);
        double angle = pose.angle();
        double factor = brightness;
        ActionSpan<SecondaryMotion> secondary = secondaryAround(t);
        if (secondary != null) {
            // Starts and ends at zero swing: the actor shows no jump when a secondary motion begins or ends.
            double swing = Math.sin(2 * Math.PI * SecondaryMotion.CYCLES_PER_SECOND * (t - secondary.startFrame()) / fps);
            if (secondary.action() == SecondaryMotion.WOBBLE) {
                angle += SecondaryMotion.WOBBLE_AMPLITUDE * swing;
            } else {
                factor += SecondaryMotion.PULSE_AMPLITUDE * swing;
            }
        }
        return look.at(pose.x(), pose.y(), pose.radius(), angle).brightened(factor);
    }

    private int movementIndex(int t) {
        if (t < 0 || t >= frames()) {
            throw new IndexOutOfBoundsException("frame " + t + " outside 0.." + (frames() - 1));
        }
        for (int i = movements.size() - 1; i > 0; i--) {
            if (t >= movements.get(i).startFrame()) {
                return i;
            }
        }
        return 0;
    }

    private ActionSpan<SecondaryMotion> secondaryAround(int t) {
        for (ActionSpan<SecondaryMotion> span : secondaries) {
            if (span.contains(t)) {
                return span;
            }
        }
        return null;
    }
}
