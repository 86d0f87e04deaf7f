package io.action4j.plugins.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fake {@link RandomGenerator} that returns given values in order ("fixed shift"), so that a
 * train-mode sample can be compared with indices computed from the same offsets. It records the
 * bounds asked for, and fails on any call the samplers should not make.
 */
final class ScriptedRandom implements RandomGenerator {

    private final int[] ints;
    private final double[] doubles;
    private final List<Integer> bounds = new ArrayList<>();
    private int intPosition;
    private int doublePosition;

    ScriptedRandom(int[] ints, double[] doubles) {
        this.ints = ints.clone();
        this.doubles = doubles.clone();
    }

    static ScriptedRandom withInts(int... values) {
        return new ScriptedRandom(values, new double[0]);
    }

    static ScriptedRandom withDoubles(double... values) {
        return new ScriptedRandom(new int[0], values);
    }

    /** Fails on any draw: for samplers that must not touch the generator. */
    static ScriptedRandom none() {
        return new ScriptedRandom(new int[0], new double[0]);
    }

    @Override
    public int nextInt(int bound) {
        if (intPosition == ints.length) {
            throw new AssertionError("unscripted nextInt(" + bound + ")");
        }
        int value = ints[intPosition++];
        if (value < 0 || value >= bound) {
            throw new AssertionError("scripted " + value + " is outside [0, " + bound + ")");
        }
        bounds.add(bound);
        return value;
    }

    @Override
    public double nextDouble() {
        if (doublePosition == doubles.length) {
            throw new AssertionError("unscripted nextDouble()");
        }
        return doubles[doublePosition++];
    }

    @Override
    public long nextLong() {
        throw new AssertionError("samplers draw only through nextInt(bound) and nextDouble()");
    }

    List<Integer> bounds() {
        return List.copyOf(bounds);
    }

    boolean allConsumed() {
        return intPosition == ints.length && doublePosition == doubles.length;
    }
}
