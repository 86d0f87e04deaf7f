package io.action4j.synth;

import java.util.Locale;

/**
 * What an actor may do on top of its movement, for a while, as a second label at a keyframe (AVA
 * gives a person several concurrent actions). Both are periodic and last whole periods, so the
 * actor is the same before and after one; a single frame cannot show either.
 */
public enum SecondaryMotion {
    /** The actor's colours brighten and darken, one cycle a second. */
    PULSE,
    /** The actor rocks about its centre, one cycle a second, on top of any rotation. */
    WOBBLE;

    /** Cycles a second, of both. */
    static final double CYCLES_PER_SECOND = 1;
    /** The brightness factor's swing about the actor's own brightness. */
    static final double PULSE_AMPLITUDE = 0.25;
    /** The angle's swing, radians. */
    static final double WOBBLE_AMPLITUDE = 0.35;

    /** {@code pulse} or {@code wobble}: the label's name in the label map. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
